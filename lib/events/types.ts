import type { Logger } from "pino";
import type { SystemRunner } from "@/lib/db";

export type OutboxEventInput = {
  tenantId: string;
  /** e.g. "booking.created" */
  type: string;
  /** Ids and a small snapshot, never secrets: the Jobs page shows it to owners. */
  payload: Record<string, unknown>;
  /** Unique per tenant; enqueue is a no-op when it already exists. */
  dedupeKey: string;
  /** In the future = scheduled (reminders, auto-decline). */
  availableAt?: Date;
  /** What the event is about (a booking id), so scheduled rows can be cancelled with it. */
  subjectId?: string;
};

export type OutboxEvent = {
  id: string;
  tenantId: string;
  type: string;
  payload: Record<string, unknown>;
  dedupeKey: string;
  subjectId: string | null;
  /** Claims of the event so far, this one included. */
  attempts: number;
  createdAt: Date;
  /** When it was due (the scheduled time for a reminder). */
  availableAt: Date;
};

export type HandlerContext = {
  /** `${event.id}:${handlerName}`, stable across retries: the seed for provider idempotency keys. */
  deliveryKey: string;
  /** This handler's attempt at this event, from 1. */
  attempt: number;
  /** withSystem: the worker is a system actor; each use names why. */
  system: SystemRunner;
  log: Logger;
};

export type EventHandler = {
  /** Unique and stable: it is part of the delivery record. */
  name: string;
  /** Event types it handles; "*" for all. */
  types: string[];
  /** Default 8; after that many failures the delivery is dead. */
  maxAttempts?: number;
  /** Throw to retry. */
  handle(event: OutboxEvent, ctx: HandlerContext): Promise<void>;
};

export type LiveChannel = "bookings" | `availability:${string}`;

/** A "something changed, refetch" hint, published after commit. */
export type LiveChange = {
  tenantId: string;
  channel: LiveChannel;
  message: { type: string; booking_id?: string; version: number };
};
