/** The console's areas. Those without `href` are announced but not built yet (see the issue list). */
export const DASHBOARD_NAV: { label: string; href?: string }[] = [
  { label: "Overview", href: "/dashboard" },
  { label: "Calendar" },
  { label: "Bookings" },
  { label: "Services" },
  { label: "Staff" },
  { label: "Customers" },
  { label: "Payments" },
  { label: "Settings", href: "/dashboard/settings" },
];
