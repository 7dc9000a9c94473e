import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { BookingWizard } from "@/components/booking/booking-wizard";
import { PracticeHeader } from "@/components/booking/practice-header";
import { loadPractice } from "./practice";

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const practice = await loadPractice((await params).slug);
  if (!practice) return {};
  return {
    title: `Book with ${practice.name}`,
    description: `Book an appointment with ${practice.name} online.`,
  };
}

export default async function PracticePage({ params, searchParams }: Props) {
  const practice = await loadPractice((await params).slug);
  if (!practice) notFound();
  // `?service=<id>` preselects a service: the service links work before the script loads, and a
  // practice's own site can link straight to one service.
  const { service } = await searchParams;
  const initialServiceId =
    typeof service === "string" && practice.services.some((s) => s.id === service) ? service : null;

  return (
    <main className="mx-auto flex w-full max-w-2xl flex-col gap-6 px-4 py-6 sm:py-10">
      <PracticeHeader name={practice.name} timeZone={practice.timeZone} />
      <BookingWizard
        slug={practice.slug}
        practiceZone={practice.timeZone}
        services={practice.services}
        staffNames={practice.staffNames}
        initialServiceId={initialServiceId}
      />
    </main>
  );
}
