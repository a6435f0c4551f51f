// Axe, run one way in every browser test: every rule of the given tags on every element of the
// page (or of `include`), only the violations sent back (ADR 029), and run in the page itself.
// The default mode injects axe into a second, blank page (a renderer of its own) to merge the
// results of frames; the app has no frames, and legacy mode still checks same-origin ones.
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { pageScriptReady } from "./page-script";

export const WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
export const WCAG_AA_AND_BEST_PRACTICE = [...WCAG_AA, "best-practice"];

/** Each violation as "rule selector selector…"; an empty list when the page passes. */
export async function axeViolations(page: Page, tags: string[], include?: string): Promise<string[]> {
  // The page as people use it: checked once its script has taken over, not during hydration.
  await pageScriptReady(page);
  const builder = new AxeBuilder({ page })
    .withTags(tags)
    .options({ resultTypes: ["violations"] })
    .setLegacyMode();
  if (include) builder.include(include);
  const results = await builder.analyze();
  return results.violations.map((violation) => `${violation.id} ${violation.nodes.map((node) => node.target).join(" ")}`);
}
