// Calendar sync's front door: private ICS feeds, connected calendars (CalDAV, Google, Microsoft 365),
// their busy times and the booking UID every calendar shares.

export { type FeedSummary, feedUrl, type IssuedFeed, issueFeed, listFeeds, revokeFeed } from "./feeds/manage";
export { answerFeed, type FeedAnswer } from "./feeds/serve";
export { bookingIdFromUid, bookingUid } from "./uid";
