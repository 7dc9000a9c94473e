import { z } from "zod";
import { createCustomer, listCustomers } from "@/lib/catalogue";
import { memberRoute, ok, queryParams } from "../_lib/member-route";
import { NewCustomerBody } from "./_lib/customer-body";

const ListQuery = z.object({
  query: z.string().max(120, "Use at most 120 characters").default(""),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});

/** GET /api/v1/customers?query&page&page_size — search by name, email or phone. */
export const GET = memberRoute(async ({ actor, request }) => {
  const query = ListQuery.parse(queryParams(request));
  const { rows, total } = await listCustomers(actor, query);
  return ok({ customers: rows, total, page: query.page, pageSize: query.pageSize });
});

/** POST /api/v1/customers → 201 `{id}`; an email another customer has is a 422 on `email`. */
export const POST = memberRoute(async ({ actor, json }) => {
  const body = await json(NewCustomerBody);
  return ok(await createCustomer(actor, body), 201);
});
