import { z } from "zod";
import { BusinessName, Currency, TimeZone } from "./fields";

export const TenantSettingsFields = z.object({ name: BusinessName, timeZone: TimeZone, currency: Currency });
export type TenantSettingsFields = z.infer<typeof TenantSettingsFields>;
