// The check of a bearer token from configuration (METRICS_TOKEN), compared as every presented
// secret is (app/domain/secret-compare.ts).
import { secretsMatch } from "~/domain/secret-compare";

/** Whether an Authorization header carries `Bearer <expected>`. */
export function bearerTokenMatches(authorization: string | undefined, expected: string): boolean {
  const match = /^Bearer[ ]+(\S+)\s*$/i.exec(authorization ?? "");
  // A missing token is still compared, so it takes the time a wrong one does.
  return secretsMatch(match?.[1] ?? "", expected);
}
