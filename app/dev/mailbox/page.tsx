import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { config } from "@/lib/config";
import { listDevMailbox } from "@/lib/mail";
import { listDevSms } from "@/lib/notifications";

export const metadata: Metadata = { title: "Dev mailbox", robots: { index: false } };

// Mail holds login and reset tokens: this page exists only on a development machine without SMTP.
const Search = z.object({ to: z.string().trim().max(254).optional().catch(undefined) });

export default async function DevMailboxPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const cfg = config();
  if (cfg.SMTP_URL || (cfg.NODE_ENV === "production" && cfg.DEV_MAILBOX !== true)) notFound();
  const { to } = Search.parse(await searchParams);
  const [messages, texts] = await Promise.all([
    listDevMailbox({ to: to || undefined, limit: 50 }),
    listDevSms(50),
  ]);
  return (
    <main className="mx-auto flex max-w-5xl flex-col gap-6 p-6">
      <Card>
        <CardHeader>
          <CardTitle>Dev mailbox</CardTitle>
          <CardDescription>
            Mail the app would have sent. Set SMTP_URL to deliver it for real.{" "}
            {to && (
              <>
                Showing mail to <Badge variant="secondary">{to}</Badge>{" "}
                <Link className="underline" href="/dev/mailbox">
                  show all
                </Link>
              </>
            )}
          </CardDescription>
        </CardHeader>
        <CardContent>
          {messages.length === 0 ? (
            <p className="text-sm text-muted-foreground">No messages yet.</p>
          ) : (
            <Table>
              <TableHeader>
                <TableRow>
                  <TableHead>To</TableHead>
                  <TableHead>Subject</TableHead>
                  <TableHead>Sent</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {messages.map((m) => (
                  <TableRow key={m.id}>
                    <TableCell className="align-top">
                      <Link className="underline" href={{ pathname: "/dev/mailbox", query: { to: m.to } }}>
                        {m.to}
                      </Link>
                    </TableCell>
                    <TableCell className="align-top">
                      <div className="flex flex-col gap-2">
                        <span className="font-medium">{m.subject}</span>
                        <Badge variant="outline">{m.tag}</Badge>
                        <pre className="max-w-xl text-xs whitespace-pre-wrap">{m.text}</pre>
                        {m.attachments.map((a) => (
                          <details key={a.filename} className="text-xs">
                            <summary>
                              Attachment: <span className="font-mono">{a.filename}</span> ({a.contentType})
                            </summary>
                            <pre className="max-w-xl whitespace-pre-wrap">{a.content}</pre>
                          </details>
                        ))}
                      </div>
                    </TableCell>
                    <TableCell className="align-top whitespace-nowrap">
                      <time dateTime={m.createdAt.toISOString()}>
                        {m.createdAt.toISOString().replace("T", " ").slice(0, 19)} UTC
                      </time>
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Text messages</CardTitle>
          <CardDescription>
            SMS the app would have sent. Set the TWILIO_* variables to send them for real.
          </CardDescription>
        </CardHeader>
        <CardContent>
          {texts.length === 0 ? (
            <p className="text-sm text-muted-foreground">No texts yet.</p>
          ) : (
            <Table>
              <TableHeader>
                <TableRow>
                  <TableHead>To</TableHead>
                  <TableHead>Message</TableHead>
                  <TableHead>Sent</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {texts.map((t) => (
                  <TableRow key={t.id}>
                    <TableCell className="align-top font-mono">{t.to}</TableCell>
                    <TableCell className="align-top">
                      <Badge variant="outline">{t.tag}</Badge> <span className="text-sm">{t.body}</span>
                    </TableCell>
                    <TableCell className="align-top whitespace-nowrap">
                      {t.createdAt.toISOString().replace("T", " ").slice(0, 19)} UTC
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </CardContent>
      </Card>
    </main>
  );
}
