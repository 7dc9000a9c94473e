"use client";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

/** Shown once, right after they are made: only hashes are kept, so nobody can show them again. */
export function BackupCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const download = `data:text/plain;charset=utf-8,${encodeURIComponent(
    `Boka backup codes (each works once)\n\n${codes.join("\n")}\n`,
  )}`;
  return (
    <div className="flex flex-col gap-4">
      <Alert>
        Save these backup codes somewhere safe, such as a password manager. Each one works once, when you
        cannot use your authenticator app. They will not be shown again.
      </Alert>
      <ol data-testid="backup-codes" className="grid grid-cols-2 gap-2 font-mono text-sm">
        {codes.map((code) => (
          <li key={code} className="rounded-md border px-3 py-2 text-center">
            {code}
          </li>
        ))}
      </ol>
      <div className="flex flex-wrap gap-2">
        <Button asChild variant="outline">
          <a href={download} download="boka-backup-codes.txt">
            Download as a text file
          </a>
        </Button>
        <Button onClick={onDone}>I have saved these codes</Button>
      </div>
    </div>
  );
}
