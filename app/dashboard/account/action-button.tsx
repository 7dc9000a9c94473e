"use client";
import { type ReactNode, useState, useTransition } from "react";
import type { ActionResult } from "@/app/_lib/action";
import { Button, type ButtonProps } from "@/components/ui/button";
import {
  Dialog,
  DialogClose,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from "@/components/ui/dialog";
import { toast } from "@/components/ui/toast";

type Props = {
  /** A server action with its arguments bound. */
  action: () => Promise<ActionResult<unknown>>;
  children: ReactNode;
  /** Toast title once the action succeeded. */
  done: string;
  /** Ask first (destructive or hard-to-undo actions): the dialog's title and text. */
  confirm?: { title: string; description: string; action: string };
  variant?: ButtonProps["variant"];
  "aria-label"?: string;
};

/** One button, one server action; the outcome is a toast (failures say why, in the action's words). */
export function ActionButton({ action, children, done, confirm, variant = "outline", ...rest }: Props) {
  const [pending, start] = useTransition();
  const [open, setOpen] = useState(false);
  const run = () =>
    start(async () => {
      const result = await action();
      setOpen(false);
      toast(result.ok ? { title: done } : { title: result.message, variant: "destructive" });
    });
  const button = (
    <Button
      size="sm"
      variant={variant}
      disabled={pending}
      aria-label={rest["aria-label"]}
      onClick={confirm ? () => setOpen(true) : run}
    >
      {children}
    </Button>
  );
  if (!confirm) return button;
  return (
    <>
      {button}
      <Dialog open={open} onOpenChange={setOpen}>
        <DialogContent>
          <DialogHeader>
            <DialogTitle>{confirm.title}</DialogTitle>
            <DialogDescription>{confirm.description}</DialogDescription>
          </DialogHeader>
          <DialogFooter>
            <DialogClose asChild>
              <Button variant="outline">Cancel</Button>
            </DialogClose>
            <Button variant="destructive" disabled={pending} onClick={run}>
              {pending ? "Working…" : confirm.action}
            </Button>
          </DialogFooter>
        </DialogContent>
      </Dialog>
    </>
  );
}
