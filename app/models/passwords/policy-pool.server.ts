// Customer password rules that cost CPU, on a worker thread. zxcvbn takes ~5 ms of a core
// per password (more under load); on the event loop, fifty people changing their password
// at once stalled every other page by a quarter of a second (docs/benchmarks.md). One
// thread is enough: the argon2id hashing around each check costs far more.
import { Piscina } from "piscina";
import type { CustomerPasswordProblem } from "~/domain/passwords/customer-policy";
import { singleton } from "~/utils/singleton.server";
import { workerThread } from "~/utils/worker-threads.server";
import type { PolicyTask } from "./policy-worker";

const pool = () =>
  singleton(
    "password-policy-pool",
    () =>
      new Piscina({
        ...workerThread("password-policy-worker", {}),
        minThreads: 1,
        maxThreads: 1,
        // Kept warm: loading the dictionaries takes about a second.
        idleTimeout: Number.POSITIVE_INFINITY,
      }),
  );

type Input = { password: string; email: string; context: string[] };

export function passwordProblemOffThread(input: Input): Promise<CustomerPasswordProblem | null> {
  return pool().run({ kind: "problem", ...input } satisfies PolicyTask);
}

export function passwordStrengthOffThread(input: Input): Promise<{ score: number; problem: CustomerPasswordProblem | null }> {
  return pool().run({ kind: "strength", ...input } satisfies PolicyTask);
}
