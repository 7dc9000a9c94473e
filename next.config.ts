import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // PGlite ships WASM and data files that must be loaded from node_modules, not bundled. prom-client
  // stays external too, so every bundle of one process shares one copy of it.
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "pino", "prom-client"],
  poweredByHeader: false,
  // The container image runs .next/standalone (only the traced node_modules); `npm start` still runs
  // scripts/serve.mjs over .next as before.
  output: "standalone",
};

export default nextConfig;
