/** Envelope encryption with the keyring. */
export * from "./encryption";
