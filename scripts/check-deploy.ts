// npm run check:deploy — the container files, checked without Docker (which cannot run in CI here):
// the Dockerfile's syntax (dockerfile-utils, the VS Code Docker extension's validator) plus the
// properties the image promises; docker-compose.yml is checked against the compose-spec schema and
// lint rules by dclint, in the npm script itself.
import { readFileSync } from "node:fs";
import { DockerfileParser } from "dockerfile-ast";
import { validate } from "dockerfile-utils";

const text = readFileSync("Dockerfile", "utf8");
const problems: string[] = validate(text).map((d) => `Dockerfile:${d.range.start.line + 1}: ${d.message}`);

const dockerfile = DockerfileParser.parse(text);
const stages = dockerfile.getFROMs().map((from) => from.getBuildStage());
const instructions = dockerfile.getInstructions();
const finalFrom = dockerfile.getFROMs().at(-1);
const finalStage = instructions.filter(
  (i) => finalFrom && i.getRange().start.line > finalFrom.getRange().start.line,
);
const args = (keyword: string) =>
  finalStage.filter((i) => i.getKeyword() === keyword).map((i) => i.getArgumentsContent() ?? "");

if (stages.length < 2) problems.push("Dockerfile: expected a multi-stage build");
if (stages.at(-1) !== "runtime") problems.push('Dockerfile: the last stage must be "runtime"');
const user = args("USER").at(-1);
if (!user || user === "root" || user === "0")
  problems.push("Dockerfile: the runtime stage must run as a non-root USER");
if (!args("HEALTHCHECK").length) problems.push("Dockerfile: the runtime stage needs a HEALTHCHECK");
if (!args("COPY").some((a) => a.includes(".next/standalone"))) {
  problems.push("Dockerfile: the runtime stage must copy Next's standalone output");
}
if (!/output:\s*"standalone"/.test(readFileSync("next.config.ts", "utf8"))) {
  problems.push('next.config.ts: output "standalone" is what the Dockerfile copies');
}

for (const problem of problems) console.error(problem);
console.log(`Dockerfile: ${stages.length} stages (${stages.join(", ")}), ${problems.length} problems`);
process.exit(problems.length ? 1 : 0);
