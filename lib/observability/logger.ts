import pino from "pino";
import { config } from "@/lib/config";

const globalForLogger = globalThis as unknown as { bokaLogger?: pino.Logger };

function createLogger(): pino.Logger {
  const cfg = config();
  return pino({
    // Tests stay quiet unless LOG_LEVEL asks otherwise.
    level: cfg.NODE_ENV === "test" && !process.env.LOG_LEVEL ? "silent" : cfg.LOG_LEVEL,
    base: { app: "boka" },
    redact: ["password", "*.password", "token", "*.token", "cookie"],
  });
}

globalForLogger.bokaLogger ??= createLogger();
export const logger: pino.Logger = globalForLogger.bokaLogger;
