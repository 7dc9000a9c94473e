"use client";
import type { MouseEvent } from "react";
import { formatDuration, formatPrice } from "./format";

export type PublicService = {
  id: string;
  name: string;
  description: string;
  durationMinutes: number;
  priceCents: number;
  currency: string;
  capacity: number;
  /** The cancellation policy a booking would get, in the customer's words. */
  policy: string[];
};

/**
 * The practice's services as links to `?service=<id>`: before the script loads a tap reloads the page
 * with that service chosen; afterwards the wizard takes the click without a round trip.
 */
export function ServiceList({
  slug,
  services,
  onChoose,
}: {
  slug: string;
  services: PublicService[];
  onChoose: (serviceId: string) => void;
}) {
  if (services.length === 0) {
    return <p className="text-sm">This practice has no services to book online yet.</p>;
  }
  const choose = (event: MouseEvent<HTMLAnchorElement>, id: string) => {
    // Let modified clicks (new tab, new window) keep their browser meaning.
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey || event.button !== 0) return;
    event.preventDefault();
    onChoose(id);
  };
  return (
    <ul className="flex flex-col gap-3" aria-label="Services">
      {services.map((service) => (
        <li key={service.id}>
          <a
            href={`/${encodeURIComponent(slug)}?service=${encodeURIComponent(service.id)}`}
            onClick={(event) => choose(event, service.id)}
            data-service-id={service.id}
            className="flex flex-col gap-1 rounded-lg border p-4 outline-none transition-colors hover:bg-accent focus-visible:ring-2 focus-visible:ring-ring focus-visible:ring-offset-2"
          >
            <span className="flex items-baseline justify-between gap-3">
              <span className="font-semibold">{service.name}</span>
              <span className="shrink-0 text-sm font-medium">
                {formatPrice(service.priceCents, service.currency)}
              </span>
            </span>
            <span className="text-sm text-muted-foreground">
              {formatDuration(service.durationMinutes)}
              {service.capacity > 1 ? ` · group of up to ${service.capacity}` : ""}
            </span>
            {service.description && <span className="text-sm">{service.description}</span>}
          </a>
        </li>
      ))}
    </ul>
  );
}
