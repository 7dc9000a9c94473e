/**
 * What a server action answers, and the shape of one as a component receives it. Lives below app/ so
 * components can type the actions their page hands them (app/_lib/action.ts re-exports it).
 */
export type ActionResult<T = null> =
  | { ok: true; data: T }
  | { ok: false; message: string; fieldErrors: Record<string, string> };

/** A server action as `defineAction` builds it: raw input in (validated on the server), a result out. */
export type ServerAction<T = null> = (raw: unknown) => Promise<ActionResult<T>>;

/** A form that adds a record or edits one: the page passes `create`, or the record's `id` and `update`. */
export type SaveActions<Created = unknown> =
  | { id?: undefined; create: ServerAction<Created> }
  | { id: string; update: ServerAction<unknown> };
