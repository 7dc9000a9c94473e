/** Cancellation and no-show policies: the data (fields), the pure engine, and the customer wording. */
export { type CustomerPolicyView, customerPolicyView, describePolicy } from "./describe";
export * from "./engine";
export * from "./fields";
