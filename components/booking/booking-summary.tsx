"use client";
import type { ReactNode } from "react";
import { formatDateTime, zoneName } from "./dates";
import { formatPrice } from "./format";
import { useBrowserTimeZone } from "./use-browser";

export type SummaryProps = {
  serviceName: string;
  staffName: string | null;
  start: string;
  practiceZone: string;
  priceCents?: number;
  currency?: string;
  /** The cancellation policy in the customer's words, shown before they confirm. */
  policy?: string[];
  children?: ReactNode;
};

/** What, with whom, when (in the customer's zone, and the practice's when it differs) and the price. */
export function BookingSummary({
  serviceName,
  staffName,
  start,
  practiceZone,
  priceCents,
  currency,
  policy,
  children,
}: SummaryProps) {
  const timeZone = useBrowserTimeZone() ?? practiceZone;
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm" data-testid="booking-summary">
      <dt className="text-muted-foreground">Service</dt>
      <dd>{serviceName}</dd>
      {staffName && (
        <>
          <dt className="text-muted-foreground">With</dt>
          <dd>{staffName}</dd>
        </>
      )}
      <dt className="text-muted-foreground">When</dt>
      <dd>
        {formatDateTime(start, timeZone)}
        {timeZone !== practiceZone && (
          <span className="block text-xs text-muted-foreground">
            {formatDateTime(start, practiceZone)} at the practice ({zoneName(practiceZone)})
          </span>
        )}
      </dd>
      {priceCents !== undefined && currency && (
        <>
          <dt className="text-muted-foreground">Price</dt>
          <dd>{formatPrice(priceCents, currency)}</dd>
        </>
      )}
      {policy?.length ? (
        <>
          <dt className="text-muted-foreground">Cancellation</dt>
          <dd>
            <ul className="flex flex-col gap-0.5" data-testid="cancellation-policy">
              {policy.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          </dd>
        </>
      ) : null}
      {children}
    </dl>
  );
}
