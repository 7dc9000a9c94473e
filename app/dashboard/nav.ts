/** The console's areas. Those without `href` are announced but not built yet (see the issue list). */
export const DASHBOARD_NAV: { label: string; href?: string }[] = [
  { label: "Overview", href: "/dashboard" },
  { label: "Calendar", href: "/dashboard/calendar" },
  { label: "Bookings", href: "/dashboard/bookings" },
  { label: "Services", href: "/dashboard/services" },
  { label: "Staff", href: "/dashboard/staff" },
  { label: "Resources", href: "/dashboard/resources" },
  { label: "Closures", href: "/dashboard/closures" },
  { label: "Customers", href: "/dashboard/customers" },
  { label: "Reports", href: "/dashboard/reports" },
  { label: "Payments" },
  { label: "Team", href: "/dashboard/team" },
  { label: "Settings", href: "/dashboard/settings" },
  { label: "Security", href: "/dashboard/security" },
  { label: "Audit log", href: "/dashboard/audit" },
  { label: "Jobs", href: "/dashboard/jobs" },
  { label: "Account", href: "/dashboard/account" },
];
