import { zoneName } from "./dates";

/** The practice's name and the zone its hours are kept in; server-rendered, no client JS. */
export function PracticeHeader({ name, timeZone }: { name: string; timeZone: string }) {
  return (
    <header className="flex flex-col gap-1 border-b pb-4">
      <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">{name}</h1>
      <p className="text-sm text-muted-foreground">
        Book online. The practice's times are in {zoneName(timeZone)}.
      </p>
    </header>
  );
}
