import { getTableColumns, sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { closeDatabase, connection, typedTables } from "@/lib/db";

afterAll(closeDatabase);

describe("lib/db/schema.ts matches the migrations", () => {
  it.each(Object.entries(typedTables))(
    "%s has exactly the columns the catalog has",
    async (table, definition) => {
      const { db } = await connection();
      const result = await db.execute<{ column_name: string }>(
        sql`select attname as column_name from pg_attribute
          where attrelid = ${`public.${table}`}::regclass and attnum > 0 and not attisdropped`,
      );
      const live = result.rows.map((r) => r.column_name).sort();
      const typed = Object.values(getTableColumns(definition))
        .map((c) => c.name)
        .sort();
      expect(typed).toEqual(live);
    },
  );
});
