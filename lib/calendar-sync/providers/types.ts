import type { EventBusy } from "../busy/expand";

export type RemoteCalendar = { url: string; displayName: string };

/** What Boka already knows of a calendar: each event's etag by href, and the provider's sync state. */
export type KnownEvents = { etags: ReadonlyMap<string, string>; syncToken: string | null };

export type SyncWindow = { from: Date; to: Date; zone: string };

/** Only what changed since `known`: a second sync with nothing new returns two empty lists. */
export type CalendarChanges = {
  changed: { href: string; etag: string; busy: EventBusy | null }[];
  removed: string[];
  syncToken: string | null;
};

export type WrittenEvent = { href: string; etag: string };

/** Raised when the provider refuses the stored credentials for good (the connection needs the owner). */
export class ConnectionBroken extends Error {
  override name = "ConnectionBroken";
}

/**
 * One calendar service, as Boka uses it: find calendars, read what changed in a window, and write
 * Boka's own events (`{uid}.ics`), updating with the ETag so a reschedule never duplicates.
 */
export interface CalendarProvider {
  discover(): Promise<RemoteCalendar[]>;
  changes(calendarUrl: string, window: SyncWindow, known: KnownEvents): Promise<CalendarChanges>;
  write(calendarUrl: string, uid: string, ics: string, previous: WrittenEvent | null): Promise<WrittenEvent>;
  remove(previous: WrittenEvent): Promise<void>;
}
