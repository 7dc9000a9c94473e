import { listPractices } from "@/lib/admin";
import { route } from "@/lib/http";
import { adminOf, noStoreJson, query } from "../_lib/http";
import { presentPracticeList } from "../_lib/present";

/** GET /api/v1/admin/tenants?q=&status=active|suspended&page= → every practice, newest first. */
export const GET = route(async (ctx) => {
  const admin = await adminOf(ctx);
  const list = await listPractices(admin, query(ctx.request, ["q", "status", "page"]));
  return noStoreJson(presentPracticeList(list));
});
