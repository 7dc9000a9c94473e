// The event backbone's front door: outbox writes, handlers, the worker, live-update fan-out.
export { retryDelayMs } from "./backoff";
export { discardJob, JOB_FILTERS, type Job, type JobDelivery, JobQuery, listJobs, retryJobs } from "./jobs";
export {
  closeLiveUpdates,
  latestVersion,
  listenerCount,
  liveTransportKind,
  publishChange,
  subscribeAllChanges,
  subscribeChanges,
} from "./live";
export { cancelScheduled, enqueue, OUTBOX_CHANNEL, purgeFinishedEvents } from "./outbox";
export { DEFAULT_MAX_ATTEMPTS, registerHandler, unregisterHandler } from "./registry";
export { type LiveStreamOptions, liveStream, SSE_HEADERS } from "./sse";
export type {
  EventHandler,
  HandlerContext,
  LiveChange,
  LiveChannel,
  OutboxEvent,
  OutboxEventInput,
} from "./types";
export { startWorker, type Worker, type WorkerOptions } from "./worker";
