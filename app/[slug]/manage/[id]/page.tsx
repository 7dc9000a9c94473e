import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ManageBooking } from "@/components/booking/manage-booking";
import { PracticeHeader } from "@/components/booking/practice-header";
import { loadPractice } from "../../practice";

// The link carries the booking's token: keep it out of search engines and out of Referer headers.
export const metadata: Metadata = {
  title: "Manage your booking",
  robots: { index: false, follow: false },
  referrer: "no-referrer",
};

type Props = { params: Promise<{ slug: string; id: string }> };

/** The token stays in the browser: ManageBooking reads it from the query string and sends it as a Bearer token. */
export default async function ManageBookingPage({ params }: Props) {
  const { slug, id } = await params;
  const practice = await loadPractice(slug);
  if (!practice) notFound();
  const services = Object.fromEntries(
    practice.services.map((s) => [s.id, { name: s.name, capacity: s.capacity }]),
  );

  return (
    <main className="mx-auto flex w-full max-w-2xl flex-col gap-6 px-4 py-6 sm:py-10">
      <PracticeHeader name={practice.name} timeZone={practice.timeZone} />
      <ManageBooking
        slug={practice.slug}
        bookingId={id}
        practiceName={practice.name}
        practiceZone={practice.timeZone}
        services={services}
        staffNames={practice.staffNames}
      />
    </main>
  );
}
