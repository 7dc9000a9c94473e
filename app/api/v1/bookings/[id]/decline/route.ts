import { statusRoute } from "../../_lib/status-route";

export const POST = statusRoute("decline");
