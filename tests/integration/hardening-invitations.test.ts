import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDatabase } from "@/lib/db";
import { NotFound, TooManyRequests } from "@/lib/errors";
import { inviteMember, resendInvitation } from "@/lib/tenants";
import { createPractice, type TestPractice, unique } from "../support/factory";

afterAll(closeDatabase);

let mine: TestPractice;
let theirs: TestPractice;
beforeAll(async () => {
  [mine, theirs] = await Promise.all([createPractice(), createPractice()]);
});

describe("invitation resend (defect 8)", () => {
  it("another practice's resends are 404s that spend none of this practice's mail quota", async () => {
    const { invitationId } = await inviteMember(mine.owner.actor, {
      email: `${unique("invitee")}@example.test`,
      role: "staff",
    });
    for (let i = 0; i < 8; i++) {
      await expect(resendInvitation(theirs.owner.actor, invitationId)).rejects.toBeInstanceOf(NotFound);
    }
    await expect(resendInvitation(mine.owner.actor, invitationId)).resolves.toBeUndefined();
  });

  it("the practice's own resends are still throttled", async () => {
    const { invitationId } = await inviteMember(mine.owner.actor, {
      email: `${unique("invitee")}@example.test`,
      role: "staff",
    });
    const outcomes = [];
    for (let i = 0; i < 7; i++) {
      outcomes.push(
        await resendInvitation(mine.owner.actor, invitationId).then(
          () => "sent",
          (e: unknown) => e,
        ),
      );
    }
    expect(outcomes.slice(0, 5)).toEqual(Array(5).fill("sent"));
    expect(outcomes[6]).toBeInstanceOf(TooManyRequests);
  });
});
