// The background loops every app instance runs (app/jobs/background.server.ts), named once
// so the operations view lists each of them even before its first run has been recorded.
export const BACKGROUND_LOOPS = [
  "check-answers",
  "outbox",
  "wrap-legacy-hashes",
  "deletion-execution",
  "deletion-webhook",
  "notifications",
  "bounces",
  "housekeeping",
] as const;
export type BackgroundLoop = (typeof BACKGROUND_LOOPS)[number];
