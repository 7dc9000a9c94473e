/** /docs/api serves Swagger UI from the installed package: only its own files, no other host, no validator. */
import { describe, expect, it } from "vitest";
import { GET as asset } from "@/app/docs/api/assets/[file]/route";

const get = (file: string) =>
  asset(new Request(`http://localhost:3000/docs/api/assets/${file}`), { params: Promise.resolve({ file }) });

describe("the API reference's assets", () => {
  it("serves Swagger UI's bundle and stylesheet from node_modules", async () => {
    const js = await get("swagger-ui-bundle.js");
    expect(js.status).toBe(200);
    expect(js.headers.get("content-type")).toMatch(/javascript/);
    expect((await js.text()).length).toBeGreaterThan(100_000);
    const css = await get("swagger-ui.css");
    expect(css.headers.get("content-type")).toMatch(/css/);
    expect(await css.text()).not.toMatch(/@import|url\(\s*["']?https?:/);
  });

  it("starts Swagger UI on Boka's own document with the validator off", async () => {
    const init = await (await get("init.js")).text();
    expect(init).toContain('url: "/api/v1/openapi.json"');
    expect(init).toContain("validatorUrl: null");
    expect(init).not.toMatch(/https?:\/\//);
  });

  it("serves nothing else", async () => {
    for (const file of ["package.json", "../package.json", "index.html", "swagger-initializer.js"]) {
      expect((await get(file)).status, file).toBe(404);
    }
  });
});
