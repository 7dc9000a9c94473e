import { createCustomer, listCustomersPage } from "@/lib/catalogue";
import { CustomerSearch, NewCustomerBody } from "../_lib/bodies";
import { list, listParams, memberRoute, ok, parseQuery } from "../_lib/member-route";

/** GET /api/v1/customers?query&limit&starting_after&ending_before — search by name, email or phone. */
export const GET = memberRoute("customers:read", async ({ actor, request }) => {
  const { query } = parseQuery(request, CustomerSearch);
  const page = await listCustomersPage(actor, query, listParams(request));
  return list(page, (row) => ({ object: "customer", ...row }));
});

/** POST /api/v1/customers → 201 `{id}`; an email another customer has is a 422 on `email`. */
export const POST = memberRoute("customers:write", async ({ actor, json }) => {
  const body = await json(NewCustomerBody);
  return ok(await createCustomer(actor, body), 201);
});
