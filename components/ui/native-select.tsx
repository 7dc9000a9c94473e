import type * as React from "react";
import { cn } from "./cn";
import { inputBaseClass } from "./input";

/**
 * A styled plain `<select>`: works without JavaScript, with `react-hook-form`'s `register`,
 * and scales to long lists (e.g. time zones). Pass `<option>`/`<optgroup>` children.
 */
export function NativeSelect({ className, children, ...props }: React.ComponentProps<"select">) {
  return (
    <div className="relative w-full">
      <select className={cn(inputBaseClass, "h-9 appearance-none py-1 pr-9", className)} {...props}>
        {children}
      </select>
      <svg
        aria-hidden="true"
        viewBox="0 0 24 24"
        fill="none"
        stroke="currentColor"
        strokeWidth={2}
        strokeLinecap="round"
        strokeLinejoin="round"
        className="pointer-events-none absolute top-1/2 right-3 size-4 -translate-y-1/2 text-muted-foreground"
      >
        <path d="m6 9 6 6 6-6" />
      </svg>
    </div>
  );
}
