/**
 * The booking page's client for the public REST API (/api/v1/public). Shapes follow the published
 * contract: snake_case, instants as ISO 8601 UTC, errors as problem+json.
 */

export type PublicStaff = { id: string; name: string };
export type Slot = { start: string; end: string; staff_ids: string[]; seats_left: number };
export type Availability = { time_zone: string; data: Slot[] };
export type BookingStatus = "pending" | "confirmed" | "cancelled" | "completed" | "no_show" | "expired";
export type PublicBooking = {
  id: string;
  status: BookingStatus;
  service_id: string;
  staff_id: string;
  start: string;
  end: string;
  price_cents: number;
  currency: string;
};
/** The manage routes also name the service, the person and the practice (beyond the published minimum). */
export type ManagedBooking = PublicBooking & {
  service_name?: string;
  staff_name?: string;
  practice?: { slug: string; name: string };
};
export type CreatedBooking = PublicBooking & { manage_token: string };
export type NewBooking = {
  service_id: string;
  start: string;
  staff_id?: string;
  customer: { name: string; email: string; phone?: string };
  notes?: string;
  /** The customer's zone, so their emails state times as they live them. */
  time_zone?: string;
};
export type FieldError = { field: string; message: string };
export type Problem = {
  type: string;
  title: string;
  status: number;
  detail?: string;
  request_id?: string;
  errors?: FieldError[];
};

export const SLOT_TAKEN_MESSAGE = "That time was just taken — please pick another.";

/** A failed call: `status` 0 means the request never got an answer (offline, DNS, aborted by the network). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem | null,
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(problem?.detail ?? problem?.title ?? `Request failed (${status})`);
    this.name = "ApiError";
  }

  get slotUnavailable(): boolean {
    return this.status === 409 && (this.problem?.type ?? "").endsWith("/slot-unavailable");
  }
}

/** Words for a customer; field errors are placed separately by the forms. */
export function describeError(error: unknown): string {
  if (!(error instanceof ApiError)) return "Something went wrong. Please try again.";
  if (error.status === 0)
    return "We couldn't reach the booking service. Check your connection and try again.";
  if (error.slotUnavailable) return SLOT_TAKEN_MESSAGE;
  if (error.status === 429) {
    const wait = error.retryAfterSeconds;
    return `Too many requests just now — please wait ${wait ? `${wait} seconds` : "a moment"} and try again.`;
  }
  if (error.status >= 500) {
    const ref = error.problem?.request_id ? ` (reference ${error.problem.request_id})` : "";
    return `Something went wrong on our side. Please try again${ref}.`;
  }
  return error.problem?.detail || error.problem?.title || "Something went wrong. Please try again.";
}

type CallOptions = {
  method?: "GET" | "POST";
  body?: unknown;
  token?: string;
  idempotencyKey?: string;
  signal?: AbortSignal;
};

async function call<T>(path: string, options: CallOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: "application/json" };
  if (options.body !== undefined) headers["content-type"] = "application/json";
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.idempotencyKey) headers["idempotency-key"] = options.idempotencyKey;
  let response: Response;
  try {
    response = await fetch(`/api/v1/public${path}`, {
      method: options.method ?? "GET",
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      cache: "no-store",
      signal: options.signal,
    });
  } catch (error) {
    if (options.signal?.aborted) throw error;
    throw new ApiError(0, null);
  }
  if (response.ok) return (await response.json()) as T;
  const problem = (await response.json().catch(() => null)) as Problem | null;
  const retryAfter = Number(response.headers.get("retry-after"));
  throw new ApiError(
    response.status,
    problem,
    Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null,
  );
}

const seg = encodeURIComponent;

export const publicApi = {
  staff(slug: string, serviceId: string, signal?: AbortSignal) {
    return call<{ data: PublicStaff[] }>(`/tenants/${seg(slug)}/services/${seg(serviceId)}/staff`, {
      signal,
    });
  },

  availability(
    slug: string,
    query: { serviceId: string; from: string; to: string; timeZone: string; staffId?: string | null },
    signal?: AbortSignal,
  ) {
    const params = new URLSearchParams({
      service_id: query.serviceId,
      from: query.from,
      to: query.to,
      time_zone: query.timeZone,
    });
    if (query.staffId) params.set("staff_id", query.staffId);
    return call<Availability>(`/tenants/${seg(slug)}/availability?${params}`, { signal });
  },

  book(slug: string, body: NewBooking, idempotencyKey: string) {
    return call<CreatedBooking>(`/tenants/${seg(slug)}/bookings`, { method: "POST", body, idempotencyKey });
  },

  booking(id: string, token: string, signal?: AbortSignal) {
    return call<ManagedBooking>(`/bookings/${seg(id)}`, { token, signal });
  },

  cancel(id: string, token: string, reason?: string) {
    return call<ManagedBooking>(`/bookings/${seg(id)}/cancel`, {
      method: "POST",
      token,
      body: reason ? { reason } : {},
    });
  },

  reschedule(id: string, token: string, change: { start: string; staff_id?: string }) {
    return call<ManagedBooking>(`/bookings/${seg(id)}/reschedule`, { method: "POST", token, body: change });
  },
};
