import type * as React from "react";
import { cn } from "./cn";
import { inputBaseClass } from "./input";

export function Textarea({ className, rows = 4, ...props }: React.ComponentProps<"textarea">) {
  return <textarea rows={rows} className={cn(inputBaseClass, "min-h-16 py-2", className)} {...props} />;
}
