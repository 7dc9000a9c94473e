import { z } from "zod";
import { MESSAGES, type MessageKind, TEMPLATE_VARIABLES, type TemplateValues } from "./kinds";

const PLACEHOLDER = /\{\{\s*([a-z_]+)\s*\}\}/g;

/** Names used in a text that are not template variables, so an owner sees a typo before saving. */
export function unknownVariables(text: string): string[] {
  const known = new Set<string>(TEMPLATE_VARIABLES);
  return [...text.matchAll(PLACEHOLDER)].map((m) => m[1] ?? "").filter((name) => !known.has(name));
}

export const IntroText = z
  .string()
  .trim()
  .min(1, "Write an intro, or reset to the default")
  .max(2000, "Use at most 2000 characters")
  .superRefine((text, ctx) => {
    const unknown = unknownVariables(text);
    if (unknown.length) {
      ctx.addIssue({
        code: "custom",
        message: `Unknown variable ${unknown.map((n) => `{{${n}}}`).join(", ")}; use one of ${TEMPLATE_VARIABLES.map((n) => `{{${n}}}`).join(" ")}`,
      });
    }
  });

function fill(text: string, values: TemplateValues): string {
  return text.replace(PLACEHOLDER, (whole, name: string) =>
    Object.hasOwn(values, name) ? values[name as keyof TemplateValues] : whole,
  );
}

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c,
  );

export type DetailLine = { label: string; value: string };
export type RenderedMessage = { subject: string; text: string; html: string };

export type RenderInput = {
  kind: MessageKind;
  /** The owner's intro, when they wrote one. */
  intro?: string | null;
  values: TemplateValues;
  details: DetailLine[];
  links: { label: string; url: string }[];
  footer?: { text: string; url: string } | null;
};

/** Subject, plain text and HTML of one customer message; values are escaped in the HTML part. */
export function renderMessage(input: RenderInput): RenderedMessage {
  const definition = MESSAGES[input.kind];
  const subject = fill(definition.subject, input.values)
    .replace(/[\r\n]+/g, " ")
    .slice(0, 300);
  const intro = fill(input.intro ?? definition.intro, input.values);
  const paragraphs = intro
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);

  const text = [
    ...paragraphs,
    input.details.map((d) => `${d.label}: ${d.value}`).join("\n"),
    ...input.links.map((l) => `${l.label}: ${l.url}`),
    ...(input.footer ? [`${input.footer.text}: ${input.footer.url}`] : []),
  ].join("\n\n");

  const html = [
    '<!doctype html><html><body style="font-family:sans-serif;line-height:1.5">',
    ...paragraphs.map((p) => `<p>${escapeHtml(p).replace(/\n/g, "<br>")}</p>`),
    "<table>",
    ...input.details.map(
      (d) =>
        `<tr><th align="left" style="padding-right:1em">${escapeHtml(d.label)}</th><td>${escapeHtml(d.value)}</td></tr>`,
    ),
    "</table>",
    ...input.links.map((l) => `<p><a href="${escapeHtml(l.url)}">${escapeHtml(l.label)}</a></p>`),
    ...(input.footer
      ? [
          `<p style="font-size:small"><a href="${escapeHtml(input.footer.url)}">${escapeHtml(input.footer.text)}</a></p>`,
        ]
      : []),
    "</body></html>",
  ].join("\n");
  return { subject, text, html };
}
