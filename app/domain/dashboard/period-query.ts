// The period a dashboard URL asks for: none (the default period), a valid one, or one the
// reader has to correct (the dashboard shows why). Shared by the dashboard, its CSV and the
// regulator's summary, so the three read a link the same way.
import { parseWithZod } from "@conform-to/zod/v4";
import { defaultPeriod, PeriodSchema, type Period } from "./period";

export function periodQuery(searchParams: URLSearchParams, now: Date, timeZone: string) {
  const chosen = searchParams.has("from") || searchParams.has("to");
  const submission = chosen ? parseWithZod(searchParams, { schema: PeriodSchema }) : null;
  // A refused period still leaves the form a period to fall back on: the default one.
  if (submission && submission.status !== "success") return { valid: false as const, submission, period: defaultPeriod(now, timeZone) };
  const period: Period = submission?.value ?? defaultPeriod(now, timeZone);
  return { valid: true as const, submission, period };
}
