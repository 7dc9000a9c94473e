import { z } from "zod";
import { BusinessName, Currency, TimeZone } from "./fields";

/** Minutes an unconfirmed online booking holds its slot before the time is offered again. */
export const HoldMinutes = z.coerce
  .number({ error: "Enter a number of minutes" })
  .int("Use whole minutes")
  .min(1, "Hold for at least 1 minute")
  .max(1440, "Hold for at most 1,440 minutes (a day)");

export const TenantSettingsFields = z.object({
  name: BusinessName,
  timeZone: TimeZone,
  currency: Currency,
  holdMinutes: HoldMinutes,
});
export type TenantSettingsFields = z.infer<typeof TenantSettingsFields>;
