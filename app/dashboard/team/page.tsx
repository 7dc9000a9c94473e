import type { Metadata } from "next";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { can } from "@/lib/auth";
import { listTeam } from "@/lib/tenants";
import { currentPractice, requireStaffMember } from "../../_lib/session";
import { ActionButton } from "../account/action-button";
import {
  removeMemberAction,
  resendInvitationAction,
  revokeInvitationAction,
  transferOwnershipAction,
} from "./actions";
import { InviteForm } from "./invite-form";
import { RoleSelect } from "./role-select";

export const metadata: Metadata = { title: "Team" };

export default async function TeamPage() {
  const { actor } = await requireStaffMember();
  if (!can(actor.role, "team.invite_staff")) {
    return (
      <Card className="max-w-xl">
        <CardHeader>
          <CardTitle>Team</CardTitle>
          <CardDescription>The practice's owners and managers look after the team.</CardDescription>
        </CardHeader>
      </Card>
    );
  }
  const [team, practice] = await Promise.all([listTeam(actor), currentPractice()]);
  const owner = can(actor.role, "team.change_roles");
  const dateFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: practice.timeZone });
  return (
    <div className="flex max-w-4xl flex-col gap-6">
      <h1 className="text-2xl font-semibold">Team</h1>
      <Card>
        <CardHeader>
          <CardTitle>Invite someone</CardTitle>
          <CardDescription>
            They get an email with a link that works once, for 7 days.
            {!owner && " Managers can invite staff; ask an owner to invite a manager."}
          </CardDescription>
        </CardHeader>
        <CardContent>
          <InviteForm canInviteManagers={can(actor.role, "team.invite_manager")} />
        </CardContent>
      </Card>

      {team.invitations.length > 0 && (
        <Card>
          <CardHeader>
            <CardTitle>Open invitations</CardTitle>
          </CardHeader>
          <CardContent>
            <Table>
              <TableHeader>
                <TableRow>
                  <TableHead>Email</TableHead>
                  <TableHead>Role</TableHead>
                  <TableHead>Sent</TableHead>
                  <TableHead>
                    <span className="sr-only">Actions</span>
                  </TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {team.invitations.map((invitation) => {
                  const mine = invitation.role === "staff" || can(actor.role, "team.invite_manager");
                  return (
                    <TableRow key={invitation.id}>
                      <TableCell>{invitation.email}</TableCell>
                      <TableCell className="capitalize">{invitation.role}</TableCell>
                      <TableCell>
                        {dateFormat.format(invitation.sentAt)}{" "}
                        {invitation.expired && <Badge variant="destructive">expired</Badge>}
                      </TableCell>
                      <TableCell className="flex justify-end gap-2">
                        {mine && (
                          <>
                            <ActionButton
                              action={resendInvitationAction.bind(null, invitation.id)}
                              done={`Invitation sent again to ${invitation.email}`}
                              aria-label={`Resend the invitation to ${invitation.email}`}
                            >
                              Resend
                            </ActionButton>
                            <ActionButton
                              action={revokeInvitationAction.bind(null, invitation.id)}
                              done="Invitation revoked"
                              aria-label={`Revoke the invitation to ${invitation.email}`}
                              confirm={{
                                title: "Revoke this invitation?",
                                description: `The link sent to ${invitation.email} stops working.`,
                                action: "Revoke",
                              }}
                            >
                              Revoke
                            </ActionButton>
                          </>
                        )}
                      </TableCell>
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
          </CardContent>
        </Card>
      )}

      <Card>
        <CardHeader>
          <CardTitle>Members</CardTitle>
          <CardDescription>
            Role changes and removals apply from the member's next click. A practice always keeps at least one
            owner.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead>Name</TableHead>
                <TableHead>Email</TableHead>
                <TableHead>Role</TableHead>
                <TableHead>Since</TableHead>
                {owner && (
                  <TableHead>
                    <span className="sr-only">Actions</span>
                  </TableHead>
                )}
              </TableRow>
            </TableHeader>
            <TableBody>
              {team.members.map((member) => (
                <TableRow key={member.userId}>
                  <TableCell>
                    {member.name} {member.userId === actor.userId && <Badge variant="outline">you</Badge>}
                  </TableCell>
                  <TableCell>{member.email}</TableCell>
                  <TableCell>
                    {owner ? (
                      <RoleSelect userId={member.userId} name={member.name} role={member.role} />
                    ) : (
                      <span className="capitalize">{member.role}</span>
                    )}
                  </TableCell>
                  <TableCell>{dateFormat.format(member.since)}</TableCell>
                  {owner && (
                    <TableCell className="flex justify-end gap-2">
                      {member.userId !== actor.userId && member.role !== "owner" && (
                        <ActionButton
                          action={transferOwnershipAction.bind(null, member.userId)}
                          done={`${member.name} now owns the practice`}
                          aria-label={`Transfer ownership to ${member.name}`}
                          confirm={{
                            title: `Transfer ownership to ${member.name}?`,
                            description:
                              "They become an owner and you become a manager: you can no longer change roles, settings or billing.",
                            action: "Transfer ownership",
                          }}
                        >
                          Transfer ownership
                        </ActionButton>
                      )}
                      <ActionButton
                        action={removeMemberAction.bind(null, member.userId)}
                        done={`${member.name} was removed from the team`}
                        aria-label={`Remove ${member.name}`}
                        confirm={{
                          title: `Remove ${member.name} from the team?`,
                          description:
                            "They lose access to this practice straight away. Their bookings stay.",
                          action: "Remove",
                        }}
                      >
                        Remove
                      </ActionButton>
                    </TableCell>
                  )}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </CardContent>
      </Card>
    </div>
  );
}
