"use client";
import { useCallback, useEffect, useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField, fieldAria } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { formatMoney, parseMoney } from "@/lib/money/fields";
import { type BookingMoneyView, MANUAL_METHODS, METHOD_LABELS } from "@/lib/payments/fields";

import { type DeskActions, useDeskActions } from "./desk-actions";

/** Due, paid, refunded and balance of a booking, with desk payments and refunds (offline provider). */
export function BookingPayments({ bookingId }: { bookingId: string }) {
  const actions = useDeskActions();
  const [money, setMoney] = useState<BookingMoneyView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(async () => {
    const result = await actions.bookingMoney({ bookingId });
    if (result.ok) setMoney(result.data);
    else setError(result.message);
  }, [actions, bookingId]);
  useEffect(() => {
    void reload();
  }, [reload]);

  if (error) return <Alert variant="destructive">{error}</Alert>;
  if (!money) return <p className="text-sm text-muted-foreground">Loading payments…</p>;
  const fmt = (n: number) => formatMoney(n, money.currency);
  return (
    <section aria-label="Payments" className="flex flex-col gap-2 text-sm">
      <dl className="grid grid-cols-[8rem_1fr] gap-x-3 gap-y-1">
        <dt className="text-muted-foreground">Due online</dt>
        <dd>{fmt(money.amount_due_cents)}</dd>
        <dt className="text-muted-foreground">Paid</dt>
        <dd>{fmt(money.amount_paid_cents)}</dd>
        <dt className="text-muted-foreground">Refunded</dt>
        <dd>{fmt(money.amount_refunded_cents)}</dd>
        <dt className="text-muted-foreground">Still owed</dt>
        <dd>{fmt(money.balance_cents)}</dd>
      </dl>
      {money.payments.length ? (
        <ul className="flex flex-col gap-1">
          {money.payments.map((p) => (
            <li key={p.id} className="flex flex-wrap items-center gap-2">
              <span>
                {p.kind === "refund" ? "Refund" : "Payment"} {fmt(p.amountCents)} ·{" "}
                {METHOD_LABELS[p.method as keyof typeof METHOD_LABELS] ?? p.method}
                {p.receiptNumber ? ` · receipt ${p.receiptNumber}` : ""}
              </span>
              {p.kind !== "refund" && p.status === "succeeded" ? (
                <RefundButton
                  paymentId={p.id}
                  currency={money.currency}
                  refund={actions.refundPayment}
                  onDone={reload}
                />
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {money.balance_cents > 0 ? (
        <RecordPayment bookingId={bookingId} money={money} record={actions.recordPayment} onDone={reload} />
      ) : null}
    </section>
  );
}

function RecordPayment({
  bookingId,
  money,
  record,
  onDone,
}: {
  bookingId: string;
  money: BookingMoneyView;
  record: DeskActions["recordPayment"];
  onDone: () => Promise<void>;
}) {
  const [amount, setAmount] = useState("");
  const [method, setMethod] = useState<string>("cash");
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  return (
    <form
      noValidate
      className="flex flex-wrap items-end gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        const amountCents = parseMoney(amount, money.currency);
        if (amountCents === null) {
          setError(
            `Enter an amount in ${money.currency}, e.g. ${formatMoney(money.balance_cents, money.currency)}`,
          );
          return;
        }
        start(async () => {
          const result = await record({ bookingId, amountCents, method });
          if (!result.ok)
            setError(result.fieldErrors.amountCents ?? result.fieldErrors.method ?? result.message);
          else {
            setAmount("");
            setError(null);
            await onDone();
          }
        });
      }}
    >
      <FormField label="Take a payment" htmlFor="pay-amount" error={error ?? undefined}>
        <Input
          id="pay-amount"
          inputMode="decimal"
          value={amount}
          onChange={(e) => setAmount(e.target.value)}
          {...fieldAria("pay-amount", error ?? undefined)}
        />
      </FormField>
      <NativeSelect aria-label="How they paid" value={method} onChange={(e) => setMethod(e.target.value)}>
        {MANUAL_METHODS.map((m) => (
          <option key={m} value={m}>
            {METHOD_LABELS[m]}
          </option>
        ))}
      </NativeSelect>
      <Button type="submit" size="sm" disabled={pending}>
        Record payment
      </Button>
    </form>
  );
}

function RefundButton({
  paymentId,
  currency,
  refund,
  onDone,
}: {
  paymentId: string;
  currency: string;
  refund: DeskActions["refundPayment"];
  onDone: () => Promise<void>;
}) {
  const [open, setOpen] = useState(false);
  const [amount, setAmount] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  if (!open) {
    return (
      <Button size="sm" variant="outline" onClick={() => setOpen(true)}>
        Refund
      </Button>
    );
  }
  const id = `refund-${paymentId}`;
  return (
    <form
      noValidate
      className="flex items-end gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        const amountCents = parseMoney(amount, currency);
        if (amountCents === null) return setError(`Enter an amount in ${currency}`);
        start(async () => {
          const result = await refund({ paymentId, amountCents });
          if (!result.ok) setError(result.fieldErrors.amountCents ?? result.message);
          else {
            setOpen(false);
            await onDone();
          }
        });
      }}
    >
      <FormField label="Refund amount" htmlFor={id} error={error ?? undefined}>
        <Input id={id} inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} />
      </FormField>
      <Button type="submit" size="sm" variant="destructive" disabled={pending}>
        Refund
      </Button>
    </form>
  );
}
