// A page's script takes over a moment after the page shows (React hydrates it); a form submitted
// in that moment is validated but may not show its message. A person reads before they submit;
// a test that fills and clicks at once waits for the page to say its script is ready (app/root.tsx).
import type { Page } from "@playwright/test";

export async function pageScriptReady(page: Page): Promise<void> {
  await page.locator("html[data-script-ready]").waitFor({ state: "attached" });
}
