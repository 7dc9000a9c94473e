"use client";
import { useEffect, useId, useState } from "react";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { type CustomerMatch, useDeskActions } from "./desk-actions";

/**
 * Search the practice's customers by name, email or phone and pick one (a radio list, so it works with
 * the keyboard and screen readers without a custom combobox).
 */
export function CustomerPicker({
  value,
  onChange,
  error,
}: {
  value: string;
  onChange: (id: string) => void;
  error?: string;
}) {
  const [query, setQuery] = useState("");
  const [results, setResults] = useState<CustomerMatch[]>([]);
  const [searching, setSearching] = useState(false);
  const id = useId();
  const { findCustomers } = useDeskActions();

  useEffect(() => {
    const q = query.trim();
    if (!q) {
      setResults([]);
      return;
    }
    let live = true;
    const timer = setTimeout(async () => {
      setSearching(true);
      const result = await findCustomers({ query: q });
      if (!live) return;
      setSearching(false);
      setResults(result.ok ? result.data : []);
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [query, findCustomers]);

  return (
    <div className="flex flex-col gap-2">
      <Label htmlFor={`${id}-q`}>Find a customer</Label>
      <Input
        id={`${id}-q`}
        type="search"
        placeholder="Name, email or phone"
        autoComplete="off"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        aria-describedby={error ? `${id}-error` : undefined}
        aria-invalid={error ? true : undefined}
      />
      <div aria-live="polite" className="text-xs text-muted-foreground">
        {searching ? "Searching…" : query.trim() && !results.length ? "No customers match." : null}
      </div>
      {results.length ? (
        <fieldset className="flex max-h-48 flex-col gap-1 overflow-y-auto rounded-md border p-2">
          <legend className="sr-only">Matching customers</legend>
          {results.map((c) => (
            <label
              key={c.id}
              className="flex cursor-pointer items-start gap-2 rounded p-1 text-sm hover:bg-accent"
            >
              <input
                type="radio"
                name={`${id}-customer`}
                className="mt-1 accent-primary"
                checked={value === c.id}
                onChange={() => onChange(c.id)}
              />
              <span>
                <span className="font-medium">{c.name}</span>
                <span className="block text-xs text-muted-foreground">
                  {c.email}
                  {c.phone ? ` · ${c.phone}` : ""}
                </span>
              </span>
            </label>
          ))}
        </fieldset>
      ) : null}
      {error ? (
        <p id={`${id}-error`} role="alert" className="text-sm font-medium text-destructive">
          {error}
        </p>
      ) : null}
    </div>
  );
}
