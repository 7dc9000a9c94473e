// The team forms' rules, shared by the browser and the server (zod only: no database imports here).
import { z } from "zod";
import { Email } from "./fields";

export const InviteInput = z.object({
  email: Email,
  role: z.enum(["manager", "staff"], { error: "Choose manager or staff" }),
});
export type InviteInput = z.infer<typeof InviteInput>;

export const RoleChangeInput = z.object({
  userId: z.uuid("Choose a team member"),
  role: z.enum(["owner", "manager", "staff"], { error: "Choose owner, manager or staff" }),
});
export type RoleChangeInput = z.infer<typeof RoleChangeInput>;
