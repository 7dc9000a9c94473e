// npm run worker: the outbox worker as its own process (scale it apart from the web; WORKER=off there).
import { startBackgroundWork } from "@/lib/background";
import { closeCache } from "@/lib/cache";
import { config } from "@/lib/config";
import { closeDatabase } from "@/lib/db";
import { closeLiveUpdates } from "@/lib/events";

if (!config().DATABASE_URL) {
  // PGlite is one process's database: a second process on its files would corrupt them.
  console.error(
    "npm run worker needs DATABASE_URL; the embedded database runs its worker in the web process.",
  );
  process.exit(1);
}

const stop = startBackgroundWork({ worker: true, exitOnSigterm: false });

async function shutdown(signal: string) {
  console.log(`${signal}: stopping the worker (in-flight events finish or go back to the queue)`);
  await stop();
  await closeLiveUpdates();
  await closeDatabase();
  await closeCache();
  process.exit(0);
}
process.once("SIGTERM", () => void shutdown("SIGTERM"));
process.once("SIGINT", () => void shutdown("SIGINT"));
