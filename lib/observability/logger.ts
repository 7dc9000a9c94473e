import pino from "pino";
import { config } from "@/lib/config";
import { redactedError } from "./redact";

const globalForLogger = globalThis as unknown as { bokaLogger?: pino.Logger };

/** `destination` and `level` let a test read what would be written. */
export function createLogger(destination?: pino.DestinationStream, level?: string): pino.Logger {
  const cfg = config();
  const options: pino.LoggerOptions = {
    // Tests stay quiet unless LOG_LEVEL asks otherwise.
    level: level ?? (cfg.NODE_ENV === "test" && !process.env.LOG_LEVEL ? "silent" : cfg.LOG_LEVEL),
    base: { app: "boka" },
    redact: ["password", "*.password", "token", "*.token", "cookie"],
    serializers: { err: redactedError },
  };
  return destination ? pino(options, destination) : pino(options);
}

globalForLogger.bokaLogger ??= createLogger();
export const logger: pino.Logger = globalForLogger.bokaLogger;
