// Calendar sync's front door: private ICS feeds, connected calendars (CalDAV; the provider adapter is
// shared by all services), their cached busy times, writing bookings into them, and the one booking UID.
export { expandBusy } from "./busy/expand";
export {
  type ConnectionView,
  chooseCalendar,
  connectCalDav,
  listConnections,
  removeConnection,
} from "./connections";
export { type FeedSummary, feedUrl, type IssuedFeed, issueFeed, listFeeds, revokeFeed } from "./feeds/manage";
export { answerFeed, type FeedAnswer } from "./feeds/serve";
export { registerCalendarSyncHandlers } from "./handlers";
export { caldavProvider } from "./providers/caldav";
export type { CalendarProvider, RemoteCalendar } from "./providers/types";
export { refreshBusyBeforeBooking, startCalendarRefresh, syncConnectionNow } from "./refresh";
export { type SyncResult, syncCalendar, syncStaleCalendars } from "./sync";
export { reconcileBookingCalendars } from "./writes";
