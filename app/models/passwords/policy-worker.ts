// The worker thread's side of policy-pool.server.ts: zxcvbn's dictionaries load here once,
// and every guessability check runs here, off the event loop.
import { customerPasswordProblem, customerPasswordStrength } from "~/domain/passwords/customer-policy";

export type PolicyTask =
  { kind: "problem"; password: string; email: string; context: string[] } | { kind: "strength"; password: string; email: string; context: string[] };

export default function check(task: PolicyTask) {
  return task.kind === "problem"
    ? customerPasswordProblem(task.password, task.email, task.context)
    : customerPasswordStrength(task.password, task.email, task.context);
}
