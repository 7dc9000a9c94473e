import type { Metadata } from "next";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { portalOverview } from "@/lib/customers";
import { signOutAction } from "./actions";
import { BookingList } from "./booking-list";
import { portalContext } from "./portal-session";
import { ProfileForm } from "./profile-form";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Your bookings", robots: { index: false, follow: false } };

type Props = { params: Promise<{ slug: string }> };

export default async function CustomerAccountPage({ params }: Props) {
  const { slug } = await params;
  const { practice, actor } = await portalContext(slug);

  if (!actor) {
    return (
      <main className="mx-auto w-full max-w-md px-4 py-10 sm:py-16">
        <Card>
          <CardHeader>
            <CardTitle>Your bookings at {practice.name}</CardTitle>
            <CardDescription>
              Sign in with a one-time code sent to the email you booked with. No password needed.
            </CardDescription>
          </CardHeader>
          <CardContent>
            <SignInForm slug={practice.slug} practiceName={practice.name} />
          </CardContent>
        </Card>
        <p className="mt-4 text-center text-sm">
          <Link className="underline" href={`/${practice.slug}`}>
            Book an appointment
          </Link>
        </p>
      </main>
    );
  }

  const overview = await portalOverview(practice, actor);
  return (
    <main className="mx-auto flex w-full max-w-2xl flex-col gap-6 px-4 py-6 sm:py-10">
      <header className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <h1 className="text-xl font-semibold">{practice.name}</h1>
          <p className="text-sm text-muted-foreground">
            Signed in as {overview.profile.email}. Times are shown in {practice.timeZone}.
          </p>
        </div>
        <div className="flex items-center gap-2">
          <Button asChild size="sm">
            <Link href={`/${practice.slug}`}>Book again</Link>
          </Button>
          <form action={signOutAction.bind(null, practice.slug)}>
            <Button type="submit" variant="outline" size="sm">
              Sign out
            </Button>
          </form>
        </div>
      </header>

      <Card>
        <CardHeader>
          <CardTitle>Upcoming</CardTitle>
        </CardHeader>
        <CardContent>
          <BookingList
            slug={practice.slug}
            timeZone={practice.timeZone}
            bookings={overview.upcoming}
            empty="No upcoming bookings."
            withActions
          />
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>Past and cancelled</CardTitle>
        </CardHeader>
        <CardContent>
          <BookingList
            slug={practice.slug}
            timeZone={practice.timeZone}
            bookings={overview.past}
            empty="Nothing here yet."
          />
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>Your details</CardTitle>
          <CardDescription>The practice uses these to reach you about your bookings.</CardDescription>
        </CardHeader>
        <CardContent>
          <ProfileForm
            slug={practice.slug}
            email={overview.profile.email}
            initial={{ name: overview.profile.name, phone: overview.profile.phone ?? "" }}
          />
        </CardContent>
      </Card>
    </main>
  );
}
