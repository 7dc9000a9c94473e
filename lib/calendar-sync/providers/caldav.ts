import { createDAVClient, type DAVCalendar } from "tsdav";
import { expandBusy } from "../busy/expand";
import {
  type CalendarChanges,
  type CalendarProvider,
  ConnectionBroken,
  type KnownEvents,
  type RemoteCalendar,
  type SyncWindow,
  type WrittenEvent,
} from "./types";

export type CalDavCredentials = { serverUrl: string; username: string; password: string };

type Client = Awaited<ReturnType<typeof createDAVClient>>;

/** One spelling per object: servers differ in which characters of a path they percent-encode. */
const canonical = (href: string, base: string) => decodeURIComponent(new URL(href, base).pathname);
const davTime = (d: Date) => `${d.toISOString().slice(0, 19).replace(/[-:]/g, "")}Z`;
const MULTIGET_BATCH = 100;

/** CalDAV (RFC 4791) through tsdav: iCloud, Fastmail, Nextcloud, Radicale… */
export function caldavProvider(
  credentials: CalDavCredentials,
  ownEmails: readonly string[] = [],
): CalendarProvider {
  let client: Promise<Client> | undefined;
  const connect = () => {
    client ??= createDAVClient({
      serverUrl: credentials.serverUrl,
      credentials: { username: credentials.username, password: credentials.password },
      authMethod: "Basic",
      defaultAccountType: "caldav",
    }).catch((error: unknown) => {
      client = undefined;
      throw /401|403|unauthori[sz]ed|forbidden/i.test(String(error))
        ? new ConnectionBroken("The calendar server refused the username or app password.")
        : error;
    });
    return client;
  };
  const calendar = (url: string): DAVCalendar => ({ url });

  return {
    async discover(): Promise<RemoteCalendar[]> {
      const dav = await connect();
      const calendars = await dav.fetchCalendars();
      return calendars
        .filter((c) => !c.components || c.components.includes("VEVENT"))
        .map((c) => ({
          url: c.url,
          displayName:
            typeof c.displayName === "string" && c.displayName ? c.displayName : new URL(c.url).pathname,
        }));
    },

    // ETag comparison over a time-range REPORT: only new or changed objects are downloaded (multiget), and
    // objects that left the window or were deleted are reported as removed.
    async changes(calendarUrl: string, window: SyncWindow, known: KnownEvents): Promise<CalendarChanges> {
      const dav = await connect();
      const listing = await dav.calendarQuery({
        url: calendarUrl,
        props: { "d:getetag": {} },
        filters: {
          "comp-filter": {
            _attributes: { name: "VCALENDAR" },
            "comp-filter": {
              _attributes: { name: "VEVENT" },
              "time-range": { _attributes: { start: davTime(window.from), end: davTime(window.to) } },
            },
          },
        },
        depth: "1",
      });
      const present = new Map<string, { raw: string; etag: string }>();
      for (const r of listing) {
        if (!r.ok || !r.href || r.href.endsWith("/")) continue;
        present.set(canonical(r.href, calendarUrl), { raw: r.href, etag: String(r.props?.getetag ?? "") });
      }
      const stale = [...present].filter(([href, o]) => known.etags.get(href) !== o.etag);
      const changed: CalendarChanges["changed"] = [];
      for (let i = 0; i < stale.length; i += MULTIGET_BATCH) {
        const objects = await dav.fetchCalendarObjects({
          calendar: calendar(calendarUrl),
          objectUrls: stale.slice(i, i + MULTIGET_BATCH).map(([, o]) => o.raw),
          urlFilter: () => true,
        });
        for (const o of objects) {
          const href = canonical(o.url, calendarUrl);
          const data = typeof o.data === "string" ? o.data : "";
          changed.push({
            href,
            etag: o.etag ?? present.get(href)?.etag ?? "",
            busy: data ? expandBusy(data, { ...window, ownEmails }) : null,
          });
        }
      }
      const removed = [...known.etags.keys()].filter((href) => !present.has(href));
      return { changed, removed, syncToken: null };
    },

    async write(
      calendarUrl: string,
      uid: string,
      ics: string,
      previous: WrittenEvent | null,
    ): Promise<WrittenEvent> {
      const dav = await connect();
      const fresh = new URL(`${uid}.ics`, withSlash(calendarUrl)).href;
      const url = previous ? new URL(previous.href, calendarUrl).href : fresh;
      const create = () =>
        dav.createCalendarObject({
          calendar: calendar(calendarUrl),
          filename: `${uid}.ics`,
          iCalString: ics,
        });
      const update = (etag: string) => dav.updateCalendarObject({ calendarObject: { url, data: ics, etag } });
      let response = previous ? await update(previous.etag) : await create();
      let target = url;
      // Edited in the calendar app since Boka wrote it: the booking is the truth, so write over the new
      // version (still with If-Match, so two writers never both win). Deleted there: put it back.
      if (previous && response.status === 412) response = await update(await etagOf(dav, url));
      if (previous && response.status === 404) {
        response = await create();
        target = fresh;
      }
      if (!response.ok)
        throw new Error(
          `CalDAV ${previous ? "update" : "create"} of ${target} failed: HTTP ${response.status}`,
        );
      return {
        href: canonical(target, calendarUrl),
        etag: response.headers.get("etag") ?? (await etagOf(dav, target)),
      };
    },

    async remove(previous: WrittenEvent): Promise<void> {
      const dav = await connect();
      const url = new URL(previous.href, credentials.serverUrl).href;
      const response = await dav.deleteCalendarObject({ calendarObject: { url, etag: previous.etag } });
      // Already gone is what we wanted.
      if (!response.ok && response.status !== 404)
        throw new Error(`CalDAV delete of ${url} failed: HTTP ${response.status}`);
    },
  };
}

const withSlash = (url: string) => (url.endsWith("/") ? url : `${url}/`);

/** Some servers answer a PUT without an ETag; ask for it. */
async function etagOf(dav: Client, url: string): Promise<string> {
  const [r] = await dav.propfind({ url, props: { "d:getetag": {} }, depth: "0" });
  return String(r?.props?.getetag ?? "");
}
