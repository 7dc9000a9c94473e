import { type CreatedBooking, SLOT_TAKEN_MESSAGE, type Slot } from "./api";
import { type DetailsValues, EMPTY_DETAILS } from "./details-fields";

export type Step = "service" | "staff" | "time" | "details" | "done";

/** The person chosen; `id: null` is "Anyone available". */
export type StaffChoice = { id: string | null; name: string };

export type WizardState = {
  step: Step;
  serviceId: string | null;
  staff: StaffChoice | null;
  slot: Slot | null;
  details: DetailsValues;
  /** Shown on the time step after a conflict, until the customer picks again. */
  notice: string | null;
  /** Bumped to make the time step fetch fresh availability. */
  availabilityVersion: number;
  booking: CreatedBooking | null;
  /** Read out by the page's live region. */
  announcement: string;
};

export type WizardAction =
  | { type: "choose-service"; serviceId: string }
  | { type: "choose-staff"; staff: StaffChoice }
  | { type: "choose-slot"; slot: Slot }
  | { type: "slot-taken"; details: DetailsValues }
  | { type: "booked"; booking: CreatedBooking; details: DetailsValues }
  | { type: "back" }
  | { type: "restart" };

export const STEP_TITLES: Record<Step, string> = {
  service: "Choose a service",
  staff: "Who would you like to see?",
  time: "Pick a day and time",
  details: "Your details",
  done: "You're booked",
};

const NUMBERED: Step[] = ["service", "staff", "time", "details"];

/** "Step 2 of 4", or null for the confirmation. */
export function stepPosition(step: Step): string | null {
  const n = NUMBERED.indexOf(step);
  return n < 0 ? null : `Step ${n + 1} of ${NUMBERED.length}`;
}

export function stepAnnouncement(step: Step): string {
  const position = stepPosition(step);
  return position ? `${position}: ${STEP_TITLES[step]}` : STEP_TITLES[step];
}

export function initialWizardState(serviceId: string | null = null): WizardState {
  return {
    step: serviceId ? "staff" : "service",
    serviceId,
    staff: null,
    slot: null,
    details: EMPTY_DETAILS,
    notice: null,
    availabilityVersion: 0,
    booking: null,
    announcement: "",
  };
}

function goTo(state: WizardState, step: Step, extra: Partial<WizardState> = {}): WizardState {
  return { ...state, step, notice: null, announcement: stepAnnouncement(step), ...extra };
}

export function wizardReducer(state: WizardState, action: WizardAction): WizardState {
  switch (action.type) {
    case "choose-service":
      return goTo(state, "staff", { serviceId: action.serviceId, staff: null, slot: null });
    case "choose-staff":
      return goTo(state, "time", { staff: action.staff, slot: null });
    case "choose-slot":
      return goTo(state, "details", { slot: action.slot });
    case "slot-taken":
      // Back to the times with fresh availability; the typed details are kept for the next attempt.
      return {
        ...goTo(state, "time", { slot: null, details: action.details }),
        notice: SLOT_TAKEN_MESSAGE,
        availabilityVersion: state.availabilityVersion + 1,
        announcement: SLOT_TAKEN_MESSAGE,
      };
    case "booked": {
      const title = action.booking.status === "pending" ? "Booking requested" : "Booking confirmed";
      return {
        ...goTo(state, "done", { booking: action.booking, details: action.details }),
        announcement: title,
      };
    }
    case "back": {
      const previous: Partial<Record<Step, Step>> = { staff: "service", time: "staff", details: "time" };
      const step = previous[state.step];
      return step ? goTo(state, step, { slot: null }) : state;
    }
    case "restart":
      return { ...initialWizardState(), announcement: stepAnnouncement("service") };
  }
}
