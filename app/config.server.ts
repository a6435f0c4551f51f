// The one place configuration comes from: the environment (and .env, loaded by the
// process entry points), validated once. Secrets never get defaults; the demo's
// setup step writes generated ones into the git-ignored .env instead.
import { createPrivateKey } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import * as z from "zod";
import { isValidTimeZone } from "~/domain/business-hours";
import { DEFAULT_DATABASE_URL, providerOf } from "~/db/provider";
import { parseKeyRing } from "~/utils/personal-data.server";

// Values people paste from tutorials; a secret equal to one of these is refused.
const WELL_KNOWN_SECRETS = new Set(["secret", "changeme", "change-me", "password", "s3cr3t", "development"]);

/** At least 32 characters with enough variety that it can't be a word or a repeated pattern. */
export function secretWeakness(value: string): "missing" | "too-short" | "well-known" | "low-variety" | null {
  if (!value) return "missing";
  if (WELL_KNOWN_SECRETS.has(value.toLowerCase())) return "well-known";
  if (value.length < 32) return "too-short";
  if (new Set(value).size < 12) return "low-variety";
  return null;
}

const secret = z
  .string()
  .default("")
  .superRefine((value, ctx) => {
    const weakness = secretWeakness(value);
    if (weakness) ctx.addIssue({ code: "custom", message: `secret is ${weakness} (need 32+ random characters)` });
  });

const EnvSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
    HOST: z.string().default("127.0.0.1"),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    DATABASE_URL: z
      .string()
      .default(DEFAULT_DATABASE_URL)
      .refine((url) => {
        try {
          providerOf(url);
          return true;
        } catch {
          return false;
        }
      }, "must start with file: (SQLite) or postgresql:// (PostgreSQL)"),
    /** Signs cookies; later also keys session ids. */
    SESSION_SECRET: secret,
    /** Keys the lookup hash of email addresses (HMAC-SHA256). Changing it orphans every stored hash. */
    LOOKUP_HASH_KEY: secret,
    /** "id:base64,id:base64": AES-256-GCM keys for personal data; the first one encrypts. */
    DATA_ENCRYPTION_KEYS: z
      .string()
      .default("")
      .superRefine((value, ctx) => {
        try {
          parseKeyRing(value);
        } catch (error) {
          ctx.addIssue({ code: "custom", message: (error as Error).message });
        }
      }),
    /** The desk's IANA time zone: business hours and every date shown are in it. */
    DESK_TIME_ZONE: z.string().default("Asia/Tokyo").refine(isValidTimeZone, "not an IANA time zone"),
    /**
     * The portal's public origin, for links in mail and enrolment links (no trailing slash).
     * Unset: this machine at the port the server listens on, so a demo on another port links to itself.
     */
    PUBLIC_ORIGIN: z
      .string()
      .optional()
      .transform((value) => value || undefined)
      .refine((value) => value === undefined || /^https?:\/\/[^/]+$/.test(value), "must be an origin like https://desk.example.com"),
    /** How many reverse proxies to trust for the client address and the https scheme (0 = none). */
    TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
    /** Load the fictional demonstration company into an empty database (setup step). */
    DEMO_DATA: z
      .enum(["true", "false"])
      .default("true")
      .transform((value) => value === "true"),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    /**
     * Where mail is sent: smtp://user:pass@host:587 (STARTTLS when offered) or smtps://host:465.
     * Unset (the demo): mail stays in the outbox, readable in the development mailbox.
     */
    SMTP_URL: z
      .string()
      .optional()
      .transform((value) => value || undefined)
      .refine((value) => value === undefined || /^smtps?:\/\/[^/]+/.test(value), "must look like smtp://host:587 or smtps://host:465"),
    /**
     * Optional, for a demo on one's own machine: the key of the development mailbox, which shows
     * the unsent mail, mailbox links included (devMailboxEnabled). The demo's setup generates one.
     */
    DEV_MAILBOX_KEY: z
      .string()
      .optional()
      .transform((value) => value || undefined)
      .superRefine((value, ctx) => {
        const weakness = value === undefined ? null : secretWeakness(value);
        if (weakness) ctx.addIssue({ code: "custom", message: `secret is ${weakness} (need 32+ random characters, or leave it unset)` });
      }),
    /** The From address of every mail; defaults to no-reply at the public origin's host. */
    MAIL_FROM: z
      .string()
      .optional()
      .transform((value) => value || undefined)
      .refine((value) => value === undefined || z.email().safeParse(value).success, "must be an email address"),
    /**
     * Optional DKIM signature on every mail (RFC 6376), all three or none: the signing domain
     * (the From address's, or a parent of it), the selector whose TXT record at
     * <selector>._domainkey.<domain> publishes the public key, and a file holding the private
     * key (PEM, RSA or Ed25519), readable by the app alone.
     */
    DKIM_DOMAIN: z
      .string()
      .optional()
      .transform((value) => value || undefined)
      .refine((value) => value === undefined || /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i.test(value), "must be a domain name"),
    DKIM_SELECTOR: z
      .string()
      .optional()
      .transform((value) => value || undefined)
      .refine(
        (value) => value === undefined || /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/i.test(value),
        "must be a DNS label",
      ),
    DKIM_PRIVATE_KEY_FILE: z
      .string()
      .optional()
      .transform((value) => value || undefined),
    /**
     * Optional, both or neither: the mailbox notifications' bounces come back to (each mail's
     * return address is this one with the mail's signed id after a "+", so the mailbox must
     * accept plus-addressing), and the IMAP URL to read it at
     * (imaps://user:password@host:993/INBOX, or imap:// on a trusted network); read once a minute.
     */
    BOUNCE_ADDRESS: z
      .string()
      .optional()
      .transform((value) => value || undefined)
      .refine((value) => value === undefined || (z.email().safeParse(value).success && !value.includes("+")), "must be an email address without a +"),
    BOUNCE_IMAP_URL: z
      .string()
      .optional()
      .transform((value) => value || undefined)
      .refine((value) => value === undefined || /^imaps?:\/\/[^/\s]+(\/[^\s]*)?$/.test(value), "must look like imaps://user:password@host:993/INBOX"),
    /** How often the bounce mailbox is read. */
    BOUNCE_CHECK_SECONDS: z.coerce.number().min(1).max(3600).default(60),
    /** First retry delay of a failed send; each further attempt waits twice as long (capped). */
    OUTBOX_RETRY_BASE_SECONDS: z.coerce.number().min(0.1).max(3600).default(30),
    /**
     * How long a mail claimed for sending belongs to the instance sending it. If that instance
     * dies mid-send, the mail is sent again once the claim runs out. The SMTP timeouts are set
     * to fractions of it (app/jobs/outbox-sender.server.ts), so a slow server can't outlast it.
     */
    OUTBOX_CLAIM_SECONDS: z.coerce.number().int().min(5).max(3600).default(300),
    /**
     * Password hashes (argon2id, ~19 MiB and ~20 ms of a core each) waiting beyond those
     * running; when this many wait, a request needing one is answered 503 with Retry-After.
     */
    PASSWORD_HASHING_QUEUE: z.coerce.number().int().min(0).max(10_000).default(64),
    /**
     * Optional: a Pwned-Passwords-compatible range API (https://host/ with /range/<5 hex>
     * below it). New customer passwords found there are refused. Only the first five hex
     * characters of the password's SHA-1 are sent; when the service is down, it is skipped.
     */
    PWNED_PASSWORDS_URL: z
      .string()
      .optional()
      .transform((value) => value?.replace(/\/+$/, "") || undefined)
      .refine((value) => value === undefined || /^https?:\/\/[^/]+/.test(value), "must look like https://host or https://host/path"),
    /**
     * Optional: where each completed erasure's manifest entry is POSTed for the company's other
     * systems, signed with DELETION_WEBHOOK_SECRET and retried until a 2xx answer (ADR 013).
     */
    DELETION_WEBHOOK_URL: z
      .string()
      .optional()
      .transform((value) => value || undefined)
      .refine((value) => value === undefined || /^https?:\/\/[^/\s]+(\/\S*)?$/.test(value), "must look like https://host/path"),
    /** Keys the HMAC-SHA256 signature of webhook posts; required with DELETION_WEBHOOK_URL. */
    DELETION_WEBHOOK_SECRET: z
      .string()
      .optional()
      .transform((value) => value || undefined),
    /** First retry delay of a failed webhook post; each further attempt waits twice as long (capped at 30 min). */
    DELETION_WEBHOOK_RETRY_BASE_SECONDS: z.coerce.number().min(0.1).max(3600).default(30),
    /**
     * Optional: the bearer token a Prometheus scraper sends to /metrics. Unset, /metrics does
     * not exist (404); set, it must be as strong as the other secrets.
     */
    METRICS_TOKEN: z
      .string()
      .optional()
      .transform((value) => value || undefined)
      .superRefine((value, ctx) => {
        const weakness = value === undefined ? null : secretWeakness(value);
        if (weakness) ctx.addIssue({ code: "custom", message: `secret is ${weakness} (need 32+ random characters, or leave it unset to turn /metrics off)` });
      }),
  })
  .superRefine((env, ctx) => {
    if ((env.BOUNCE_ADDRESS === undefined) !== (env.BOUNCE_IMAP_URL === undefined)) {
      ctx.addIssue({ code: "custom", path: ["BOUNCE_IMAP_URL"], message: "BOUNCE_ADDRESS and BOUNCE_IMAP_URL go together: set both, or neither" });
    }
    if (!env.DELETION_WEBHOOK_URL) return;
    const weakness = secretWeakness(env.DELETION_WEBHOOK_SECRET ?? "");
    if (weakness) {
      ctx.addIssue({
        code: "custom",
        path: ["DELETION_WEBHOOK_SECRET"],
        message: `secret is ${weakness} (need 32+ random characters with DELETION_WEBHOOK_URL)`,
      });
    }
  })
  .transform((env, ctx) => {
    const { DKIM_DOMAIN, DKIM_SELECTOR, DKIM_PRIVATE_KEY_FILE, ...rest } = env;
    const dkim = dkimSigning({ DKIM_DOMAIN, DKIM_SELECTOR, DKIM_PRIVATE_KEY_FILE });
    if (typeof dkim === "string") {
      ctx.addIssue({ code: "custom", path: ["DKIM_PRIVATE_KEY_FILE"], message: dkim });
      return z.NEVER;
    }
    return { ...rest, DKIM: dkim, PUBLIC_ORIGIN: env.PUBLIC_ORIGIN ?? `http://localhost:${env.PORT}` };
  });

/** How mail is signed: nodemailer's DKIM options, or null for none; a string says what is wrong. */
function dkimSigning(env: { DKIM_DOMAIN?: string; DKIM_SELECTOR?: string; DKIM_PRIVATE_KEY_FILE?: string }) {
  const given = [env.DKIM_DOMAIN, env.DKIM_SELECTOR, env.DKIM_PRIVATE_KEY_FILE].filter((value) => value !== undefined).length;
  if (given === 0) return null;
  if (given < 3) return "DKIM_DOMAIN, DKIM_SELECTOR and DKIM_PRIVATE_KEY_FILE go together: set all three, or none";
  let privateKey: string;
  try {
    privateKey = readFileSync(env.DKIM_PRIVATE_KEY_FILE!, "utf8");
    // Refused now rather than at the first mail: a key that doesn't parse would fail every send.
    createPrivateKey(privateKey);
  } catch (error) {
    return `can't read a private key from ${env.DKIM_PRIVATE_KEY_FILE} (${(error as NodeJS.ErrnoException).code ?? "not a PEM private key"})`;
  }
  return { domainName: env.DKIM_DOMAIN!, keySelector: env.DKIM_SELECTOR!, privateKey };
}

export type Config = z.infer<typeof EnvSchema>;

/** Names of this machine, as a URL's hostname or the server's HOST gives them. */
export const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]", "::1"]);

/**
 * The development mailbox shows every unsent mail, mailbox links included, to whoever opens
 * it. It exists only where someone asked for it (DEV_MAILBOX_KEY) and where it can't leak: no
 * SMTP server configured, a server listening on this machine only, a public origin on this
 * machine, and no reverse proxy in front. Each request must still come from this machine
 * and hold the key (app/utils/dev-mailbox.server.ts).
 */
export function devMailboxEnabled(config: Config): config is Config & { DEV_MAILBOX_KEY: string } {
  return (
    config.DEV_MAILBOX_KEY !== undefined &&
    !config.SMTP_URL &&
    config.TRUST_PROXY_HOPS === 0 &&
    LOOPBACK_HOSTS.has(config.HOST) &&
    LOOPBACK_HOSTS.has(new URL(config.PUBLIC_ORIGIN).hostname)
  );
}

/** The From address: MAIL_FROM, or no-reply at the public origin's host. */
export function mailFrom(config: Config): string {
  return config.MAIL_FROM ?? `no-reply@${new URL(config.PUBLIC_ORIGIN).hostname}`;
}

export class ConfigError extends Error {}

/** Parses an environment; throws a ConfigError naming every bad variable. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const result = EnvSchema.safeParse(env);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
  throw new ConfigError(`Invalid configuration:\n  ${problems.join("\n  ")}`);
}

/**
 * For a process's entry point (the server, each command): reads .env when there is one (a
 * variable already set in the environment wins), then validates. A bad configuration is
 * printed, with `consequence` after it, and the process exits with `exitCode`.
 */
export function loadConfigOrExit(exitCode: number, consequence = ""): Config {
  if (existsSync(".env")) process.loadEnvFile(".env");
  try {
    return getConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(consequence ? `${error.message}\n${consequence}` : error.message);
    process.exit(exitCode);
  }
}

let cached: Config | undefined;
export function getConfig(): Config {
  cached ??= parseConfig(process.env);
  return cached;
}
