import { listTeam } from "@/lib/tenants";
import { memberRoute, ok } from "../_lib/member-route";

/** GET /api/v1/team — members and open invitations (owners and managers). */
export const GET = memberRoute("session", async ({ actor }) => ok(await listTeam(actor)));
