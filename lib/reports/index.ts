/** Reports: the practice report (per staff member, totals, top services) for a range of local dates. */
export { DEFAULT_RANGE_DAYS, MAX_RANGE_DAYS, ReportRangeFields } from "./fields";
export { reportToCsv, reportToJson } from "./present";
export {
  type PracticeReport,
  practiceReport,
  type ReportLine,
  type StaffReport,
  type StatusCounts,
  TOP_SERVICES,
  type TopService,
} from "./report";
