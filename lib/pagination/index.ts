/**
 * Cursor pages for API lists: `limit` (1–100, default 25) and `starting_after` / `ending_before` (an
 * object id), newest first, keyset on (created_at, id). The cursor's position is read in SQL (a
 * subquery), never round-tripped through JavaScript, whose dates would drop Postgres's microseconds.
 * Rows inserted while a client walks the list sort before its cursor, so a walk sees every row that
 * existed when it started exactly once.
 */
import { and, asc, desc, type SQL, sql } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import { z } from "zod";
import type { Tx } from "@/lib/db";
import { ValidationFailed } from "@/lib/errors";

export const DEFAULT_LIMIT = 25;
export const MAX_LIMIT = 100;

export function pageParams<C extends z.ZodType<string>>(cursor: C) {
  return z
    .object({
      limit: z.coerce.number().int().min(1).max(MAX_LIMIT).default(DEFAULT_LIMIT),
      startingAfter: cursor.optional(),
      endingBefore: cursor.optional(),
    })
    .refine((p) => !(p.startingAfter && p.endingBefore), {
      path: ["endingBefore"],
      message: "Give starting_after or ending_before, not both",
    });
}
/** Most lists are of uuid-keyed objects. */
export const PageParams = pageParams(z.uuid("Not an object id"));
export type PageParams = z.infer<typeof PageParams>;

export type ListPage<T> = { object: "list"; data: T[]; hasMore: boolean };

type Keyset = {
  table: PgTable;
  createdAt: PgColumn;
  id: PgColumn;
  /** Which rows a cursor may name (the tenant, a staff member's diary); filters need not hold for it. */
  scope: SQL | undefined;
  /** Filters plus scope. */
  where: SQL | undefined;
};

/**
 * One page. `fetch` runs the list's own query with the given condition, order and limit (one more than
 * asked, to learn whether more follow).
 */
export async function keysetPage<T>(
  tx: Tx,
  keyset: Keyset,
  params: PageParams | z.infer<ReturnType<typeof pageParams>>,
  fetch: (where: SQL | undefined, orderBy: SQL[], limit: number) => Promise<T[]>,
): Promise<ListPage<T>> {
  const { table, createdAt, id } = keyset;
  const cursor = params.startingAfter ?? params.endingBefore;
  const backwards = params.endingBefore !== undefined;
  let position: SQL | undefined;
  if (cursor !== undefined) {
    const found = await tx
      .select({ id })
      .from(table)
      .where(and(keyset.scope, sql`${id} = ${cursor}`));
    if (!found.length) {
      const field = backwards ? "ending_before" : "starting_after";
      throw new ValidationFailed("The cursor names no object in this list.", [
        { field, message: "No such object" },
      ]);
    }
    const at = sql`(select ${createdAt}, ${id} from ${table} where ${id} = ${cursor} and ${keyset.scope ?? sql`true`})`;
    position = backwards ? sql`(${createdAt}, ${id}) > ${at}` : sql`(${createdAt}, ${id}) < ${at}`;
  }
  const order = backwards ? [asc(createdAt), asc(id)] : [desc(createdAt), desc(id)];
  const rows = await fetch(and(keyset.where, position), order, params.limit + 1);
  const hasMore = rows.length > params.limit;
  const data = rows.slice(0, params.limit);
  return { object: "list", data: backwards ? data.reverse() : data, hasMore };
}
