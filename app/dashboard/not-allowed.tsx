import { Alert } from "@/components/ui/alert";
import { ACTIONS, type Action } from "@/lib/auth";

/** What a team member sees on a page their role does not open (the API answers the same with a 403). */
export function NotAllowed({ action }: { action: Action }) {
  return (
    <Alert className="max-w-xl">
      You are not allowed to {ACTIONS[action]}. Ask the practice owner if you need this.
    </Alert>
  );
}
