// Runs once when a Next.js server process starts (https://nextjs.org/docs/app/guides/instrumentation).
// Next awaits it before serving, so a freshly created embedded database has its demo practice in time.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { installRequestObserver } = await import("@/lib/observability");
  installRequestObserver();
  const { seedDemoOnFirstStart } = await import("@/lib/demo");
  await seedDemoOnFirstStart();
  const { startBackgroundWork } = await import("@/lib/background");
  startBackgroundWork();
}
