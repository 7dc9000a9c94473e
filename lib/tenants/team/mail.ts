import { tokenLink } from "@/lib/auth";
import { mailer } from "@/lib/mail";

const ROLE_WORDS = { manager: "a manager", staff: "a member of staff" } as const;

/** The invitation email; the link carries the token, so this text is never logged. */
export function sendInvitationMail(input: {
  to: string;
  practice: string;
  inviter: string;
  role: keyof typeof ROLE_WORDS;
  token: string;
  tenantId: string;
}) {
  return mailer().send({
    to: input.to,
    subject: `${input.inviter} invited you to join ${input.practice} on Boka`,
    text: `Hello,\n\n${input.inviter} invited you to join ${input.practice} on Boka as ${ROLE_WORDS[input.role]}.\n\nTo accept, open this link within 7 days:\n\n${tokenLink(
      "/invite",
      input.token,
    )}\n\nIf you were not expecting this, ignore this email.`,
    tag: "team.invitation",
    tenantId: input.tenantId,
  });
}
