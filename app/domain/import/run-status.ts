// The life of an import run (ImportRun.status). A live run is still working; a final one is
// done for good, whatever happened to it.
export const LIVE_STATUSES = ["reading", "checking", "merging"] as const;
export const FINAL_STATUSES = ["rejected", "completed", "failed", "abandoned"] as const;
export type ImportStatus = (typeof LIVE_STATUSES)[number] | (typeof FINAL_STATUSES)[number];

export function isLiveStatus(status: string): boolean {
  return (LIVE_STATUSES as readonly string[]).includes(status);
}
