/** The platform admin domain's front door (docs/platform-admin.md). */
export {
  ADMIN_MFA_REQUIRED,
  type AdminCheck,
  AdminMfaRequired,
  assertPlatformAdmin,
  checkPlatformAdmin,
  isPlatformAdmin,
  NOT_AN_ADMIN,
  type PlatformAdmin,
} from "./access";
export {
  PracticeFilters,
  REASON_MAX,
  REASON_MIN,
  ReactivateFields,
  ReasonFields,
  SupportViewFields,
} from "./fields";
export { discardPlatformJob, listPlatformJobs, type PlatformJob, retryPlatformJobs } from "./jobs";
export { listPlatformLog, PLATFORM_ACTIONS, type PlatformLogEntry } from "./platform-log";
export {
  listPractices,
  PRACTICES_PAGE_SIZE,
  type PracticeList,
  type PracticeListRow,
  type PracticeSummary,
  practiceId,
  reactivatePractice,
  suspendPractice,
} from "./practices";
export { type PlatformReport, platformReport, REPORT_BOOKING_DAYS, REPORT_WEEKS } from "./reports";
export {
  SUPPORT_PAGE_SIZE,
  type SupportBookingRow,
  type SupportView,
  viewBookingsAsSupport,
} from "./support-view";
export {
  isPracticeSuspended,
  PRACTICE_SUSPENDED,
  PracticeSuspended,
} from "./suspension";
