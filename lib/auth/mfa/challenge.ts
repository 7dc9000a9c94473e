import { z } from "zod";
import { recordAudit, recordAuditForUser } from "@/lib/audit";
import { withSystem } from "@/lib/db";
import { Unauthenticated, ValidationFailed } from "@/lib/errors";
import { mailer } from "@/lib/mail";
import { logger } from "@/lib/observability";
import { type DeviceDetails, promoteMfaSession, resolveMfaChallenge } from "../sessions";
import { normalizeAccount } from "../throttle/attempts";
import { issueDeviceToken, verifyDeviceToken } from "../throttle/device-cookie";
import { throttledCheck } from "../throttle/unlock";
import { WRONG_CODE } from "./enrolment";
import { type SecondFactor, unusedBackupCodeCount, useSecondFactor } from "./store";

/** The second step of a login with MFA: a TOTP or backup code turns the challenge into a session. */

export const MfaChallengeInput = z.object({
  code: z.string().trim().min(1, "Enter the code from your app or a backup code").max(32),
});

export const CHALLENGE_EXPIRED = "This sign-in has expired. Please log in again.";

class WrongSecondFactor extends Error {}

type Promotion = {
  token: string;
  expiresAt: Date;
  result: { method: SecondFactor; codesLeft: number | null };
};

export type PassedChallenge = {
  token: string;
  expiresAt: Date;
  userId: string;
  tenantId: string | null;
  method: SecondFactor;
  /** A fresh device cookie: this browser has now signed in to the account (throttle.ts). */
  deviceCookie: { token: string; expiresAt: Date };
};

export async function completeMfaChallenge(
  challengeToken: string,
  code: string,
  device: DeviceDetails,
  options: { now?: number; deviceToken?: string | null } = {},
): Promise<PassedChallenge> {
  const now = options.now ?? Date.now();
  const challenge = await resolveMfaChallenge(challengeToken);
  if (!challenge) throw new Unauthenticated(CHALLENGE_EXPIRED);

  const outcome = await throttledCheck<Promotion>(
    {
      account: challenge.email,
      ip: device.ip,
      device: verifyDeviceToken(normalizeAccount(challenge.email), options.deviceToken, now),
    },
    async () => {
      try {
        const promoted = await promoteMfaSession(challengeToken, device, async (tx, ch) => {
          const method = await useSecondFactor(tx, ch.userId, code, now);
          // Throwing rolls the transaction back: the challenge stays, nothing is marked used.
          if (!method) throw new WrongSecondFactor();
          if (ch.tenantId) {
            await recordAudit(tx, {
              tenantId: ch.tenantId,
              actorUserId: ch.userId,
              action: "auth.login_succeeded",
              details: { mfa: method },
              ip: device.ip,
            });
          }
          if (method === "totp") return { method, codesLeft: null };
          const codesLeft = await unusedBackupCodeCount(tx, ch.userId);
          await recordAuditForUser(tx, ch.userId, {
            action: "auth.mfa_backup_code_used",
            details: { remaining: codesLeft },
            ip: device.ip,
          });
          return { method, codesLeft };
        });
        // Used or expired between the lookup and the lock: not a wrong code, so not a counted failure.
        if (!promoted) throw new Unauthenticated(CHALLENGE_EXPIRED);
        return { ok: true as const, value: promoted };
      } catch (error) {
        if (!(error instanceof WrongSecondFactor)) throw error;
        const { tenantId, userId } = challenge;
        if (tenantId) {
          await withSystem("audit a failed MFA code", (tx) =>
            recordAudit(tx, { tenantId, actorUserId: userId, action: "auth.mfa_failed", ip: device.ip }),
          );
        }
        return { ok: false as const };
      }
    },
    now,
  );
  if (!outcome.ok) throw new ValidationFailed(WRONG_CODE, [{ field: "code", message: WRONG_CODE }]);

  const { token, expiresAt, result } = outcome.value;
  if (result.method === "backup_code") {
    await mailer()
      .send({
        to: challenge.email,
        subject: "A backup code was used to log in to Boka",
        tag: "auth.mfa-backup-code-used",
        text: [
          "One of your Boka backup codes was just used to log in to your account.",
          `You have ${result.codesLeft} unused backup codes left; you can make a new set on the Security page.`,
          "",
          "If this was not you, log in, make new backup codes and change your password.",
        ].join("\n"),
      })
      .catch((err: unknown) => logger.error({ err }, "could not send the backup-code notice"));
  }
  return {
    token,
    expiresAt,
    userId: challenge.userId,
    tenantId: challenge.tenantId,
    method: result.method,
    deviceCookie: issueDeviceToken(normalizeAccount(challenge.email), now),
  };
}
