// A back-office page's <title> comes from its loader, in the reader's language: no staff route
// may write one out as a constant (which was English on every Japanese page).
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const ROUTES = "app/routes";

function staffRouteFiles(): string[] {
  return readdirSync(ROUTES, { withFileTypes: true })
    .filter((entry) => entry.name.startsWith("staff"))
    .flatMap((entry) =>
      entry.isDirectory() ? readdirSync(join(ROUTES, entry.name)).map((file) => join(ROUTES, entry.name, file)) : [join(ROUTES, entry.name)],
    )
    .filter((path) => /\.tsx?$/.test(path));
}

describe("staff page titles", () => {
  const files = staffRouteFiles();

  it("finds the staff routes", () => {
    expect(files.length).toBeGreaterThan(20);
  });

  for (const file of files) {
    it(`${file} has no constant title`, () => {
      const source = readFileSync(file, "utf8");
      const meta = source.match(/export const meta\b[^;]*;/)?.[0] ?? "";
      expect(meta, "a title written out in the meta export").not.toMatch(/title:\s*["'`]/);
      expect(source).not.toMatch(/title:\s*["'`]Madoguchi staff/);
    });
  }
});
