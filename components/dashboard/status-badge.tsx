import { Badge } from "@/components/ui/badge";

const LABELS: Record<
  string,
  { label: string; variant: "default" | "secondary" | "outline" | "success" | "destructive" }
> = {
  pending: { label: "Pending", variant: "outline" },
  confirmed: { label: "Confirmed", variant: "success" },
  cancelled: { label: "Cancelled", variant: "destructive" },
  completed: { label: "Completed", variant: "secondary" },
  no_show: { label: "No-show", variant: "destructive" },
  expired: { label: "Expired", variant: "outline" },
};

export function statusLabel(status: string): string {
  return LABELS[status]?.label ?? status;
}

export function StatusBadge({ status, hold = false }: { status: string; hold?: boolean }) {
  const entry = LABELS[status] ?? { label: status, variant: "outline" as const };
  return <Badge variant={entry.variant}>{hold ? "Held" : entry.label}</Badge>;
}
