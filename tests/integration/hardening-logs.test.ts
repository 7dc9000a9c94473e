import { Writable } from "node:stream";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDatabase, connection, tables, withSystem } from "@/lib/db";
import { createLogger } from "@/lib/observability";
import { createPractice, unique } from "../support/factory";

// Open (and, embedded, migrate) the database in a hook, whose timeout allows a cold start.
beforeAll(() => connection());
afterAll(closeDatabase);

/** A logger like the app's, writing into a string. */
function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { logger: createLogger(stream, "error"), text: () => lines.join("") };
}

const failure = (fn: () => Promise<unknown>) =>
  fn().then(
    () => expect.fail("the query succeeded"),
    (e: unknown) => e,
  );

describe("error logs carry no personal data (defect 11)", () => {
  it("a failed query's parameters, a data exception's input and a violation's detail are redacted", async () => {
    const email = `${unique("private")}@example.test`;
    const { owner } = await createPractice();
    const errors = [
      // The parameter is echoed in Drizzle's message and, by Postgres, in the data exception's message.
      await failure(() => withSystem("test fails a query", (tx) => tx.execute(sql`select ${email}::int`))),
      // A unique violation names the duplicate value in its detail.
      await failure(() =>
        withSystem("test inserts a duplicate", (tx) =>
          tx.insert(tables.users).values({ email: owner.email, name: `Name ${email}` }),
        ),
      ),
    ];
    const { logger, text } = capture();
    for (const err of errors) logger.error({ err, requestId: "r-1" }, "unhandled route error");
    const logged = text();
    expect(logged).toContain("22P02");
    expect(logged).toContain("23505");
    expect(logged).toContain("Failed query");
    expect(logged).not.toContain(email);
    expect(logged).not.toContain(owner.email);
  });
});
