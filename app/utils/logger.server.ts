// Structured JSON logs (one line per event) for the server and the CLI commands.
import pino from "pino";
import { singleton } from "./singleton.server";

export const logger = singleton("logger", () =>
  pino({
    level: process.env.LOG_LEVEL ?? "info",
    // Never log what could identify a person or unlock an account.
    redact: { paths: ["req.headers.cookie", "req.headers.authorization", 'res.headers["set-cookie"]'], remove: true },
  }),
);
