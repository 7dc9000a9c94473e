/** Envelope encryption with the keyring. */
export * from "./encryption";
export * from "./keyring";
