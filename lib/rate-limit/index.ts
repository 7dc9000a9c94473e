// The rate-limit front door: counters come from rate-limiter-flexible (Redis or in-process).
export { enforce, rateLimitHeaders } from "./headers";
export { createLimiter, type Limiter, type LimiterOptions, type RateLimitDecision } from "./limiter";
