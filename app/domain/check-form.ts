// "Am I affected?": the one form, on /check and near the top of the notice, read by one
// schema in the browser and on the server.
import * as z from "zod";
import { addressSchema } from "./email-address";

/** The field a person never sees; a bot that fills every field fills this one too. */
export const CHECK_HONEYPOT = "website";

/** Where every copy of the form posts: one action, one rate limit, one answer page. */
export const CHECK_ACTION = "/check";

export const CheckSchema = z.object({
  email: addressSchema("check:errors.required"),
  [CHECK_HONEYPOT]: z.string().optional(),
});
