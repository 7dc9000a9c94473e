// npm run db:migrate | db:seed | db:reset [-- --force]
import { rm } from "node:fs/promises";
import { closeCache } from "@/lib/cache";
import { config } from "@/lib/config";
import { closeDatabase, connection, migrate, openPostgres } from "@/lib/db";
import { seedDemo } from "@/lib/demo";

async function migrateNow(): Promise<void> {
  const cfg = config();
  const url = cfg.DATABASE_MIGRATION_URL ?? cfg.DATABASE_URL;
  if (!url) {
    // The embedded database migrates itself when it opens.
    await connection();
    console.log(`embedded database at ${cfg.EMBEDDED_DB_PATH} is up to date`);
    return;
  }
  const owner = openPostgres(url, 1);
  try {
    const applied = await migrate(owner.driver);
    console.log(applied.length ? `applied: ${applied.join(", ")}` : "nothing to apply");
  } finally {
    await owner.driver.close();
  }
}

async function reset(force: boolean): Promise<void> {
  const cfg = config();
  if (!cfg.DATABASE_URL) {
    await rm(cfg.EMBEDDED_DB_PATH, { recursive: true, force: true });
    console.log(`removed ${cfg.EMBEDDED_DB_PATH}; it is recreated (with the demo practice) on next start`);
    return;
  }
  if (!force) {
    console.error("Refusing to reset a DATABASE_URL database without --force (this deletes all data).");
    process.exit(2);
  }
  const owner = openPostgres(cfg.DATABASE_MIGRATION_URL ?? cfg.DATABASE_URL, 1);
  try {
    await owner.driver.withSession((s) =>
      s.exec(
        "drop schema if exists boka_meta cascade; drop schema if exists private cascade; drop schema public cascade; create schema public;",
      ),
    );
  } finally {
    await owner.driver.close();
  }
  await migrateNow();
}

async function main(): Promise<void> {
  const [command, ...flags] = process.argv.slice(2);
  if (command === "migrate") await migrateNow();
  else if (command === "seed") {
    await migrateNow();
    console.log((await seedDemo()) ? "demo practice created" : "demo practice already exists");
  } else if (command === "reset") await reset(flags.includes("--force"));
  else {
    console.error("usage: tsx scripts/db.ts migrate|seed|reset [--force]");
    process.exit(2);
  }
  await closeDatabase();
  await closeCache();
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
