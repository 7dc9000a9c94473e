"use client";
import { useEffect, useReducer, useRef } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ApiError, describeError, type NewBooking, publicApi } from "./api";
import { BookingSummary } from "./booking-summary";
import { Confirmation } from "./confirmation";
import { customerPayload, type DetailsValues, placeApiErrors } from "./details-fields";
import { DetailsForm, type SubmitOutcome } from "./details-form";
import { newIdempotencyKey } from "./idempotency";
import { type PublicService, ServiceList } from "./service-list";
import { SlotPicker } from "./slot-picker";
import { StaffStep } from "./staff-step";
import { initialWizardState, STEP_TITLES, stepPosition, wizardReducer } from "./wizard-state";

export type WizardProps = {
  slug: string;
  practiceZone: string;
  services: PublicService[];
  staffNames: Record<string, string>;
  initialServiceId: string | null;
};

/** service → person → day and time → details → confirmation, in one client component. */
export function BookingWizard({ slug, practiceZone, services, staffNames, initialServiceId }: WizardProps) {
  const [state, dispatch] = useReducer(wizardReducer, initialServiceId, initialWizardState);
  const service = services.find((s) => s.id === state.serviceId) ?? null;
  const headingRef = useRef<HTMLHeadingElement>(null);
  const shownStep = useRef(state.step);
  // One Idempotency-Key per attempt. It is reused only to resend the same request after no answer (offline,
  // 5xx), so a retry replays the first outcome instead of booking twice; a definite answer ends the attempt.
  const attempt = useRef<{ body: string; key: string } | null>(null);

  // Keyboard and screen-reader users land on the new step's heading, not at the bottom of the old one.
  useEffect(() => {
    if (shownStep.current === state.step) return;
    shownStep.current = state.step;
    headingRef.current?.focus();
  }, [state.step]);

  const submit = async (values: DetailsValues): Promise<SubmitOutcome> => {
    if (!state.serviceId || !state.slot) return { formError: "Pick a time first." };
    const body: NewBooking = {
      service_id: state.serviceId,
      start: state.slot.start,
      ...(state.staff?.id ? { staff_id: state.staff.id } : {}),
      ...customerPayload(values),
      time_zone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    };
    const json = JSON.stringify(body);
    if (attempt.current?.body !== json) attempt.current = { body: json, key: newIdempotencyKey() };
    try {
      const booking = await publicApi.book(slug, body, attempt.current.key);
      attempt.current = null;
      dispatch({ type: "booked", booking, details: values });
      return undefined;
    } catch (error) {
      if (error instanceof ApiError && error.status >= 400 && error.status < 500) attempt.current = null;
      if (error instanceof ApiError && error.slotUnavailable) {
        dispatch({ type: "slot-taken", details: values });
        return undefined;
      }
      if (error instanceof ApiError && error.status === 422) {
        const { fields, other } = placeApiErrors(error.problem?.errors);
        if (Object.keys(fields).length) return { fields, formError: other.join(" ") || undefined };
      }
      return { formError: describeError(error) };
    }
  };

  const step = state.step;
  return (
    <section aria-labelledby="step-heading" className="flex flex-col gap-4">
      <p className="sr-only" aria-live="polite" data-testid="announcer">
        {state.announcement}
      </p>
      <div className="flex items-center justify-between gap-2">
        <h2
          id="step-heading"
          ref={headingRef}
          tabIndex={-1}
          className="text-xl font-semibold tracking-tight outline-none focus-visible:ring-2 focus-visible:ring-ring"
        >
          {STEP_TITLES[step]}
        </h2>
        {step !== "service" && step !== "done" && (
          <Button variant="ghost" size="sm" onClick={() => dispatch({ type: "back" })}>
            <span aria-hidden="true">‹</span> Back
          </Button>
        )}
      </div>
      {stepPosition(step) && <p className="-mt-3 text-xs text-muted-foreground">{stepPosition(step)}</p>}

      {service && step !== "service" && step !== "done" && (
        <p className="text-sm">
          <span className="font-medium">{service.name}</span>
          {state.staff && step !== "staff"
            ? ` with ${state.staff.id ? state.staff.name : "anyone available"}`
            : ""}
        </p>
      )}

      {step === "service" && (
        <ServiceList
          slug={slug}
          services={services}
          onChoose={(serviceId) => dispatch({ type: "choose-service", serviceId })}
        />
      )}

      {step === "staff" && service && (
        <StaffStep
          slug={slug}
          serviceId={service.id}
          onChoose={(staff) => dispatch({ type: "choose-staff", staff })}
        />
      )}

      {step === "time" && service && (
        <>
          {state.notice && (
            // The live region above reads the notice out; this copy is for the eyes only.
            <Alert variant="destructive" role="note">
              {state.notice}
            </Alert>
          )}
          <SlotPicker
            slug={slug}
            serviceId={service.id}
            staffId={state.staff?.id ?? null}
            practiceZone={practiceZone}
            version={state.availabilityVersion}
            showSeats={service.capacity > 1}
            onPick={(slot) => dispatch({ type: "choose-slot", slot })}
          />
        </>
      )}

      {step === "details" && service && state.slot && (
        <>
          <BookingSummary
            serviceName={service.name}
            staffName={state.staff?.name ?? null}
            start={state.slot.start}
            practiceZone={practiceZone}
            priceCents={service.priceCents}
            currency={service.currency}
            policy={service.policy}
          />
          <DetailsForm defaultValues={state.details} onSubmit={submit} />
        </>
      )}

      {step === "done" && state.booking && (
        <Confirmation
          slug={slug}
          booking={state.booking}
          serviceName={service?.name ?? "Your appointment"}
          staffName={staffNames[state.booking.staff_id] ?? null}
          practiceZone={practiceZone}
          onBookAnother={() => dispatch({ type: "restart" })}
        />
      )}

      {step !== "service" && !service && (
        <Alert variant="destructive" className="flex flex-col items-start gap-2">
          That service is no longer offered online.
          <Button variant="outline" size="sm" onClick={() => dispatch({ type: "restart" })}>
            See all services
          </Button>
        </Alert>
      )}
    </section>
  );
}
