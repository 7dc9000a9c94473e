import type * as React from "react";

/** A labelled checkbox with an optional hint; pass `register(...)` props through. */
export function CheckboxField({
  id,
  label,
  hint,
  ...props
}: Omit<React.ComponentProps<"input">, "type"> & { id: string; label: string; hint?: string }) {
  return (
    <div className="flex items-start gap-2">
      <input
        id={id}
        type="checkbox"
        className="mt-0.5 size-4 rounded border-input accent-primary"
        aria-describedby={hint ? `${id}-hint` : undefined}
        {...props}
      />
      <div className="grid gap-0.5">
        <label htmlFor={id} className="text-sm leading-none font-medium">
          {label}
        </label>
        {hint ? (
          <p id={`${id}-hint`} className="text-xs text-muted-foreground">
            {hint}
          </p>
        ) : null}
      </div>
    </div>
  );
}
