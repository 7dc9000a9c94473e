/** Key-value store: Redis when configured, in-process otherwise. */
export * from "./store";
