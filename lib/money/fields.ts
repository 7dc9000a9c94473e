/** Client components import money helpers from here (the domain's client-safe door). */
export * from "./index";
