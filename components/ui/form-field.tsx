import type * as React from "react";
import { cn } from "./cn";
import { Label } from "./label";

export type FormFieldProps = {
  label: React.ReactNode;
  /** Id of the control inside `children`; also prefixes the hint/error ids. */
  htmlFor: string;
  error?: string;
  hint?: string;
  className?: string;
  children: React.ReactNode;
};

/** Ids to spread on the control: `aria-describedby` / `aria-invalid` for the given field state. */
export function fieldAria(htmlFor: string, error?: string, hint?: string) {
  const describedBy = [error ? `${htmlFor}-error` : null, hint ? `${htmlFor}-hint` : null]
    .filter(Boolean)
    .join(" ");
  return {
    "aria-invalid": error ? (true as const) : undefined,
    "aria-describedby": describedBy || undefined,
  };
}

/**
 * Label + control + hint + error. The error renders as
 * `<p id="{htmlFor}-error" role="alert">`; wire the control with `fieldAria(htmlFor, error, hint)`.
 */
export function FormField({ label, htmlFor, error, hint, className, children }: FormFieldProps) {
  return (
    <div className={cn("grid gap-1.5", className)}>
      <Label htmlFor={htmlFor}>{label}</Label>
      {children}
      {hint ? (
        <p id={`${htmlFor}-hint`} className="text-xs text-muted-foreground">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${htmlFor}-error`} role="alert" className="text-sm font-medium text-destructive">
          {error}
        </p>
      ) : null}
    </div>
  );
}
