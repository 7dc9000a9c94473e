import { describe, expect, it } from "vitest";
import { parseConfig } from "./config";

describe("config", () => {
  it("needs no variable for the embedded default", () => {
    const cfg = parseConfig({});
    expect(cfg.DATABASE_URL).toBeUndefined();
    expect(cfg.REDIS_URL).toBeUndefined();
    expect(cfg.EMBEDDED_DB_PATH).toBe(".data/pglite");
  });

  it.each([
    [{ DATABASE_URL: "mysql://x" }, "DATABASE_URL"],
    [{ REDIS_URL: "http://localhost" }, "REDIS_URL"],
    [{ SESSION_IDLE_MINUTES: "soon" }, "SESSION_IDLE_MINUTES"],
    [{ TRUST_PROXY: "maybe" }, "TRUST_PROXY"],
    [{ APP_URL: "localhost" }, "APP_URL"],
  ])("a bad value is one line naming the variable: %j", (env, name) => {
    expect(() => parseConfig(env)).toThrow(new RegExp(`^Invalid environment variable ${name}: .+`));
    try {
      parseConfig(env);
    } catch (error) {
      expect((error as Error).message).not.toContain("\n");
    }
  });

  it("parses booleans and numbers", () => {
    expect(parseConfig({ TRUST_PROXY: "1", SESSION_IDLE_MINUTES: "30" })).toMatchObject({
      TRUST_PROXY: true,
      SESSION_IDLE_MINUTES: 30,
    });
  });
});
