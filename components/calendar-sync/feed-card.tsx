"use client";
import { useId, useState, useTransition } from "react";
import { CheckboxField } from "@/components/dashboard/checkbox-field";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { toast } from "@/components/ui/toast";

type Result<T> = { ok: true; data: T } | { ok: false; message: string };
export type FeedState = { id: string; hideDetails: boolean; updatedAt: string } | null;

/**
 * A private subscription address. Only the token's hash is stored, so the address is shown once, right
 * after it is issued; issuing again replaces it (the old one stops working).
 */
export function FeedCard({
  title,
  description,
  feed,
  issue,
  revoke,
}: {
  title: string;
  description: string;
  feed: FeedState;
  issue: (input: { hideDetails: boolean }) => Promise<Result<{ url: string }>>;
  revoke: (input: { feedId: string }) => Promise<Result<null>>;
}) {
  const [hideDetails, setHideDetails] = useState(feed?.hideDetails ?? false);
  const [url, setUrl] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const [pending, start] = useTransition();
  const id = useId();
  const run = (fn: () => Promise<void>) => start(fn);

  const onIssue = () =>
    run(async () => {
      const result = await issue({ hideDetails });
      if (!result.ok) return void toast({ title: result.message, variant: "destructive" });
      setUrl(result.data.url);
      setCopied(false);
    });
  const onRevoke = (feedId: string) =>
    run(async () => {
      const result = await revoke({ feedId });
      if (!result.ok) return void toast({ title: result.message, variant: "destructive" });
      setUrl(null);
      toast({ title: "Feed turned off: its address no longer works", variant: "success" });
    });
  const copy = async (value: string) => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
    } catch {
      // Clipboard refused (permissions, insecure context): the address stays selectable to copy by hand.
      setCopied(false);
    }
  };

  return (
    <Card>
      <CardHeader>
        <CardTitle>{title}</CardTitle>
        <CardDescription>{description}</CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        {url ? (
          <div className="flex flex-col gap-2">
            <label htmlFor={`${id}-url`} className="text-sm font-medium">
              Subscription address (shown once: copy it now)
            </label>
            <div className="flex gap-2">
              <Input id={`${id}-url`} readOnly value={url} onFocus={(e) => e.currentTarget.select()} />
              <Button type="button" variant="outline" onClick={() => void copy(url)}>
                {copied ? "Copied" : "Copy"}
              </Button>
            </div>
          </div>
        ) : feed ? (
          <p className="text-sm text-muted-foreground">
            A feed address is active{feed.hideDetails ? " (customer details hidden)" : ""}. It is shown only
            when issued: get a new one if you lost it (the old one stops working).
          </p>
        ) : (
          <p className="text-sm text-muted-foreground">No feed address yet.</p>
        )}
        <CheckboxField
          id={`${id}-hide`}
          label="Hide customer details"
          hint='Events show only "Booked": for calendars other people can see.'
          checked={hideDetails}
          onChange={(e) => setHideDetails(e.currentTarget.checked)}
        />
        <div className="flex flex-wrap gap-2">
          <Button type="button" disabled={pending} onClick={onIssue}>
            {feed || url ? "Get a new address" : "Create feed address"}
          </Button>
          {feed ? (
            <Button type="button" variant="outline" disabled={pending} onClick={() => onRevoke(feed.id)}>
              Turn off feed
            </Button>
          ) : null}
        </div>
        <SubscribeHelp />
      </CardContent>
    </Card>
  );
}

function SubscribeHelp() {
  return (
    <Alert>
      <details>
        <summary className="cursor-pointer text-sm font-medium">How to subscribe</summary>
        <ul className="mt-2 list-disc space-y-1 pl-5 text-sm">
          <li>
            <strong>Apple Calendar</strong> (Mac): File → New Calendar Subscription, paste the address. On
            iPhone: Settings → Calendar → Accounts → Add Account → Other → Add Subscribed Calendar.
          </li>
          <li>
            <strong>Google Calendar</strong> (web): Other calendars → + → From URL, paste the address. Google
            refreshes subscriptions every few hours.
          </li>
          <li>
            <strong>Outlook</strong>: Add calendar → Subscribe from web, paste the address.
          </li>
        </ul>
        <p className="mt-2 text-xs text-muted-foreground">
          Anyone with the address can read the feed: treat it like a password.
        </p>
      </details>
    </Alert>
  );
}
