/**
 * The house's layering rules (docs/architecture.md), checked by tests/architecture/layering.test.ts:
 * no import cycles, one front door per lib/ domain, a pure scheduling engine, components below app.
 * @type {import('dependency-cruiser').IConfiguration}
 */
module.exports = {
  forbidden: [
    {
      name: "no-cycles",
      severity: "error",
      comment: "An import cycle anywhere in the tree (barrels included) is refused.",
      from: {},
      to: { circular: true },
    },
    {
      name: "scheduling-is-pure",
      severity: "error",
      comment: "The engine computes over plain data: only its own files, luxon and zod, no Node built-ins.",
      from: { path: "^lib/scheduling/", pathNot: "\\.test\\.ts$" },
      to: { pathNot: ["^lib/scheduling/", "^node_modules/(luxon|zod|@types/luxon)/"] },
    },
    {
      name: "scheduling-no-builtins",
      severity: "error",
      from: { path: "^lib/scheduling/" },
      to: { dependencyTypes: ["core"] },
    },
    {
      name: "front-door-between-domains",
      severity: "error",
      comment: "A domain reaches another only through its index.ts or its client-safe fields.ts.",
      from: { path: "^(lib/[^/]+)/" },
      to: { path: "^lib/[^/]+/.+", pathNot: ["^$1/", "^lib/[^/]+/(index|fields)\\.ts$"] },
    },
    {
      name: "front-door-from-outside-lib",
      severity: "error",
      comment: "app/, components/, scripts/, bench/ and tests/ import lib domains through their doors.",
      from: { pathNot: "^lib/" },
      to: { path: "^lib/[^/]+/.+", pathNot: "^lib/[^/]+/(index|fields)\\.ts$" },
    },
    {
      name: "components-below-app",
      severity: "error",
      from: { path: "^components/" },
      to: { path: "^app/" },
    },
    {
      name: "lib-below-app-and-components",
      severity: "error",
      comment: "Unit tests beside the code may use tests/support fixtures; production code may not.",
      from: { path: "^lib/", pathNot: "\\.test\\.tsx?$" },
      to: { path: "^(app|components|tests)/" },
    },
    {
      name: "production-code-without-test-support",
      severity: "error",
      from: { path: "^(app|components|lib|scripts)/", pathNot: "\\.test\\.tsx?$" },
      to: { path: "^tests/" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: ["^(node_modules|\\.next|test-results|\\.data)/", "^tests/architecture/fixtures/"] },
    tsConfig: { fileName: "tsconfig.json" },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default"],
    },
  },
};
