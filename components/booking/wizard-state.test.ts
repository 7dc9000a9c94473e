import { describe, expect, it } from "vitest";
import { type CreatedBooking, SLOT_TAKEN_MESSAGE, type Slot } from "./api";
import { EMPTY_DETAILS } from "./details-fields";
import { initialWizardState, type WizardAction, type WizardState, wizardReducer } from "./wizard-state";

const slot: Slot = {
  start: "2026-06-01T09:00:00Z",
  end: "2026-06-01T09:30:00Z",
  staff_ids: ["s1", "s2"],
  seats_left: 1,
};
const details = { name: "Ada", email: "ada@example.com", phone: "", notes: "" };
const booking: CreatedBooking = {
  id: "b1",
  status: "confirmed",
  service_id: "svc",
  staff_id: "s1",
  start: slot.start,
  end: slot.end,
  price_cents: 4500,
  currency: "GBP",
  manage_token: "tok",
};

const run = (actions: WizardAction[], from: WizardState = initialWizardState()) =>
  actions.reduce(wizardReducer, from);

describe("wizardReducer", () => {
  it("walks service → staff → time → details → done", () => {
    const state = run([
      { type: "choose-service", serviceId: "svc" },
      { type: "choose-staff", staff: { id: null, name: "Anyone available" } },
      { type: "choose-slot", slot },
    ]);
    expect(state).toMatchObject({
      step: "details",
      serviceId: "svc",
      slot,
      announcement: "Step 4 of 4: Your details",
    });
    const done = wizardReducer(state, { type: "booked", booking, details });
    expect(done).toMatchObject({ step: "done", booking, details, announcement: "Booking confirmed" });
    expect(
      wizardReducer(state, { type: "booked", booking: { ...booking, status: "pending" }, details })
        .announcement,
    ).toBe("Booking requested");
  });

  it("starts at the staff step when a service is preselected", () => {
    expect(initialWizardState("svc")).toMatchObject({ step: "staff", serviceId: "svc" });
  });

  it("after a conflict returns to the times with fresh availability, the message, and the details kept", () => {
    const state = run([
      { type: "choose-service", serviceId: "svc" },
      { type: "choose-staff", staff: { id: "s1", name: "Sam" } },
      { type: "choose-slot", slot },
      { type: "slot-taken", details },
    ]);
    expect(state).toMatchObject({
      step: "time",
      slot: null,
      notice: SLOT_TAKEN_MESSAGE,
      announcement: SLOT_TAKEN_MESSAGE,
      availabilityVersion: 1,
      details,
      staff: { id: "s1", name: "Sam" },
    });
    // Picking again clears the notice.
    expect(wizardReducer(state, { type: "choose-slot", slot }).notice).toBeNull();
  });

  it("goes back one step at a time and stays put on the first", () => {
    const atDetails = run([
      { type: "choose-service", serviceId: "svc" },
      { type: "choose-staff", staff: { id: null, name: "Anyone available" } },
      { type: "choose-slot", slot },
    ]);
    const steps = [1, 2, 3, 4].map((n) => run(Array(n).fill({ type: "back" }), atDetails).step);
    expect(steps).toEqual(["time", "staff", "service", "service"]);
    expect(run([{ type: "back" }], atDetails).slot).toBeNull();
  });

  it("restarts from the service list", () => {
    const done = run([
      { type: "choose-service", serviceId: "svc" },
      { type: "booked", booking, details },
    ]);
    expect(wizardReducer(done, { type: "restart" })).toMatchObject({
      step: "service",
      serviceId: null,
      booking: null,
      details: EMPTY_DETAILS,
    });
  });
});
