import Link from "next/link";
import { Button } from "@/components/ui/button";

const FEATURES = [
  {
    title: "Booking pages that load fast",
    body: "Customers pick a service, a person and a time in a few taps, on any phone.",
  },
  {
    title: "Never double-booked",
    body: "Postgres itself refuses overlapping appointments, whichever way they arrive.",
  },
  {
    title: "Your data stays yours",
    body: "Every practice is isolated by row-level security in the database, not just in code.",
  },
];

export default function LandingPage() {
  return (
    <main className="mx-auto flex max-w-4xl flex-col gap-12 px-6 py-16">
      <header className="flex items-center justify-between">
        <span className="text-xl font-semibold tracking-tight">Boka</span>
        <nav className="flex gap-2">
          <Button asChild variant="ghost">
            <Link href="/login">Log in</Link>
          </Button>
          <Button asChild>
            <Link href="/signup">Sign up</Link>
          </Button>
        </nav>
      </header>
      <section className="flex flex-col gap-4">
        <h1 className="text-4xl font-bold tracking-tight sm:text-5xl">
          Online booking for therapists, clinics and salons.
        </h1>
        <p className="max-w-2xl text-lg text-muted-foreground">
          Boka gives your practice a booking page, a staff calendar and payments — and your customers a way to
          book, reschedule and cancel without a phone call.
        </p>
        <div className="flex flex-wrap gap-3">
          <Button asChild size="lg">
            <Link href="/signup">Create your practice</Link>
          </Button>
          <Button asChild size="lg" variant="outline">
            <Link href="/demo">See the demo practice</Link>
          </Button>
        </div>
      </section>
      <section className="grid gap-6 sm:grid-cols-3">
        {FEATURES.map((f) => (
          <div key={f.title} className="rounded-lg border p-5">
            <h2 className="font-semibold">{f.title}</h2>
            <p className="mt-2 text-sm text-muted-foreground">{f.body}</p>
          </div>
        ))}
      </section>
    </main>
  );
}
