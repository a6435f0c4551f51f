// The several-instance suite's further app instances, as web servers of playwright.config.ts:
// each another process of the main test server's deployment behind the load balancer.
// Usage: tsx tests/support/instance-server.ts <port>
import { startSecondInstance } from "./second-instance";

const instance = startSecondInstance(Number(process.argv[2]), process.env.E2E_LOG_LEVEL ?? "warn", 2, "inherit");
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => instance.child.kill(signal));
process.exit((await instance.exited) ?? 1);
