// Tests run on an in-memory embedded database unless CI points DATABASE_URL at a real Postgres.
(process.env as Record<string, string>).NODE_ENV = "test";
if (!process.env.DATABASE_URL) process.env.EMBEDDED_DB_PATH = "memory://";
process.env.NEXT_TELEMETRY_DISABLED = "1";
// Integration tests read availability right after writing through the lib; the cache has its own tests.
process.env.AVAILABILITY_CACHE_SECONDS ??= "0";
