// Dates at the boundary: one validation for every date, date-time and instant parameter.
export { Instant, InstantString, LocalDate, LocalDateTime, YEARS } from "./fields";
