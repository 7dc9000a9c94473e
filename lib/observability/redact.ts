import pino from "pino";

/**
 * Error logs must not carry personal data. Drizzle's failed-query errors repeat the SQL parameters
 * (emails, names, phone numbers) in `params` and in their message; Postgres puts row values in
 * `detail` ("Key (email)=(…) already exists") and, for data exceptions (SQLSTATE class 22), quotes
 * the offending input in the message. The SQL text itself is kept: it is parameterized.
 */

const REDACTED = "[redacted]";
const VALUE_FIELDS = new Set(["params", "parameters", "values", "detail", "where", "internalQuery"]);

/** `params: …` up to the first stack frame (or the end): a parameter may contain newlines. */
const PARAMS_LINE = /\nparams: [\s\S]*?(?=\n {4}at |$)/;

function scrubText(text: string, dataException: boolean): string {
  const withoutParams = text.replace(PARAMS_LINE, `\nparams: ${REDACTED}`);
  return dataException ? withoutParams.replace(/"[^"\n]*"/g, `"${REDACTED}"`) : withoutParams;
}

function scrub(value: unknown, depth: number): unknown {
  if (depth > 6 || value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((v) => scrub(v, depth + 1));
  const record = value as Record<string, unknown>;
  const dataException = typeof record.code === "string" && /^22[0-9A-Z]{3}$/.test(record.code);
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(record)) {
    if (VALUE_FIELDS.has(key)) out[key] = REDACTED;
    else if ((key === "message" || key === "stack") && typeof v === "string") {
      out[key] = scrubText(v, dataException);
    } else out[key] = scrub(v, depth + 1);
  }
  return out;
}

/** pino's error serializer (type, message, stack, cause chain), then the redaction above. */
export function redactedError(error: unknown): unknown {
  if (!(error instanceof Error)) return scrub(error, 0);
  return scrub(pino.stdSerializers.errWithCause(error), 0);
}
