import { z } from "zod";
import type { EventHandler } from "./types";

export const DEFAULT_MAX_ATTEMPTS = 8;

const HandlerShape = z.object({
  name: z.string().regex(/^[a-z][a-z0-9._-]{0,63}$/, "lowercase letters, digits, '.', '_' or '-'"),
  types: z.array(z.string().min(1)).min(1),
  maxAttempts: z.number().int().min(1).max(50).optional(),
});

const globalForHandlers = globalThis as unknown as { bokaEventHandlers?: Map<string, EventHandler> };

function registry(): Map<string, EventHandler> {
  globalForHandlers.bokaEventHandlers ??= new Map();
  return globalForHandlers.bokaEventHandlers;
}

/**
 * Adds a handler. Registering the same name again replaces it (module reloads in development), so
 * each domain's register…Handlers() may run more than once.
 */
export function registerHandler(handler: EventHandler): void {
  HandlerShape.parse(handler);
  registry().set(handler.name, handler);
}

/** Removes a handler; tests use it to leave the registry as they found it. */
export function unregisterHandler(name: string): void {
  registry().delete(name);
}

export function handlersFor(type: string): EventHandler[] {
  return [...registry().values()].filter((h) => h.types.includes("*") || h.types.includes(type));
}

export function maxAttempts(handler: EventHandler): number {
  return handler.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
}
