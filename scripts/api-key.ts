// npm run api-key -- create --tenant <slug> --name <name> --scopes <a,b,...> [--expires <ISO date>] [--rate-limit <n>]
//                   | list [--tenant <slug>] | revoke <id>
// On the embedded database, or DATABASE_URL when set. `create` prints the new key as its last line.
import { parseArgs } from "node:util";
import { z } from "zod";
import { operatorCreateKey, operatorListKeys, operatorRevokeKey } from "@/lib/api-keys";
import { closeCache } from "@/lib/cache";
import { closeDatabase } from "@/lib/db";
import { DomainError } from "@/lib/errors";

const USAGE = `usage:
  npm run api-key -- create --tenant <slug> --name <name> --scopes <a,b,...> [--expires <ISO date>] [--rate-limit <n>]
  npm run api-key -- list [--tenant <slug>]
  npm run api-key -- revoke <id>`;

async function main(argv: string[]): Promise<void> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      tenant: { type: "string" },
      name: { type: "string" },
      scopes: { type: "string" },
      expires: { type: "string" },
      "rate-limit": { type: "string" },
    },
  });
  const [command, id] = positionals;
  if (command === "create") {
    if (!values.tenant || !values.name || !values.scopes)
      throw new UsageError("create needs --tenant, --name and --scopes");
    const { key, secret } = await operatorCreateKey(values.tenant, {
      name: values.name,
      scopes: values.scopes.split(",").map((s) => s.trim()),
      expiresAt: values.expires,
      rateLimitPerMinute: values["rate-limit"],
    });
    console.log(`created ${key.id} (${key.name}) for ${values.tenant}: ${key.scopes.join(", ")}`);
    console.log("The key is shown once; store it now:");
    console.log(secret);
  } else if (command === "list") {
    for (const k of await operatorListKeys(values.tenant)) {
      const state = k.revokedAt ? "revoked" : k.expiresAt && k.expiresAt < new Date() ? "expired" : "active";
      const used = k.lastUsedAt?.toISOString() ?? "never";
      console.log(
        [k.id, k.tenantSlug, k.prefix, state, k.name, k.scopes.join(","), `last used ${used}`].join("\t"),
      );
    }
  } else if (command === "revoke") {
    const parsed = z.uuid().safeParse(id);
    if (!parsed.success) throw new UsageError("revoke needs a key id");
    const key = await operatorRevokeKey(parsed.data);
    console.log(`revoked ${key.id} (${key.name})`);
  } else {
    throw new UsageError(command ? `unknown command "${command}"` : "no command");
  }
}

class UsageError extends Error {}

main(process.argv.slice(2))
  .catch((error: unknown) => {
    if (error instanceof UsageError) console.error(`${error.message}\n${USAGE}`);
    else if (error instanceof DomainError) {
      const fields = error.errors.map((e) => `\n  ${e.field}: ${e.message}`).join("");
      console.error(`${error.message}${fields}`);
    } else console.error(error);
    process.exitCode = 1;
  })
  .finally(async () => {
    await closeDatabase();
    await closeCache();
  });
