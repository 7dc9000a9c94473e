import { describe, expect, it } from "vitest";
import { systemDatabaseUrl } from "./urls";

describe("the system pool's URL", () => {
  it("is DATABASE_SYSTEM_URL when set", () => {
    expect(systemDatabaseUrl("postgres://boka_app:pw@db:5432/boka", "postgres://sys:x@other:6543/boka")).toBe(
      "postgres://sys:x@other:6543/boka",
    );
  });

  it("defaults to the runtime server and database as boka_system, never with the runtime password", () => {
    expect(systemDatabaseUrl("postgres://boka_app:secret@db:5432/boka?sslmode=require", undefined)).toBe(
      "postgres://boka_system@db:5432/boka?sslmode=require",
    );
  });
});
