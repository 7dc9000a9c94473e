import { describe, expect, it } from "vitest";
import { customerPayload, DetailsFields, EMPTY_DETAILS, placeApiErrors } from "./details-fields";

const valid = { name: " Ada Lovelace ", email: " ada@example.com ", phone: "", notes: "" };

function issues(values: Record<string, string>) {
  const result = DetailsFields.safeParse(values);
  if (result.success) return {};
  const byField: Record<string, string> = {};
  for (const issue of result.error.issues) byField[String(issue.path[0])] ??= issue.message;
  return byField;
}

describe("DetailsFields", () => {
  it("accepts a name and email, trimming them, with phone and notes optional", () => {
    const result = DetailsFields.safeParse(valid);
    expect(result.success && result.data).toEqual({
      name: "Ada Lovelace",
      email: "ada@example.com",
      phone: "",
      notes: "",
    });
  });

  it("names every missing or malformed field", () => {
    expect(issues(EMPTY_DETAILS)).toEqual({ name: "Enter your name", email: "Enter your email address" });
    expect(issues({ ...valid, email: "ada@" }).email).toMatch(/name@example.com/);
    expect(issues({ ...valid, phone: "call me" }).phone).toMatch(/digits/);
    expect(issues({ ...valid, phone: "+44 20 7946 0958" })).toEqual({});
    expect(issues({ ...valid, notes: "x".repeat(2001) }).notes).toMatch(/2,000/);
    expect(issues({ ...valid, name: "   " }).name).toBe("Enter your name");
  });
});

describe("customerPayload", () => {
  it("leaves out empty optional fields", () => {
    expect(customerPayload({ name: "Ada", email: "a@b.co", phone: "", notes: "" })).toEqual({
      customer: { name: "Ada", email: "a@b.co" },
    });
    expect(customerPayload({ name: "Ada", email: "a@b.co", phone: "0123 456", notes: "Knee" })).toEqual({
      customer: { name: "Ada", email: "a@b.co", phone: "0123 456" },
      notes: "Knee",
    });
  });
});

describe("placeApiErrors", () => {
  it("maps the API's field paths onto the inputs and keeps the rest for the form", () => {
    expect(
      placeApiErrors([
        { field: "customer.email", message: "Enter a valid email" },
        { field: "customer.email", message: "second message is dropped" },
        { field: "customer.phone", message: "Bad phone" },
        { field: "notes", message: "Too long" },
        { field: "start", message: "Not a time" },
      ]),
    ).toEqual({
      fields: { email: "Enter a valid email", phone: "Bad phone", notes: "Too long" },
      other: ["Not a time"],
    });
    expect(placeApiErrors(undefined)).toEqual({ fields: {}, other: [] });
  });
});
