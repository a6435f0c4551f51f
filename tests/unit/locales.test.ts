// Every user-visible string must exist in Japanese and English.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

type Tree = { [key: string]: string | Tree };

function keysOf(tree: Tree, prefix = ""): string[] {
  return Object.entries(tree).flatMap(([key, value]) => (typeof value === "string" ? [`${prefix}${key}`] : keysOf(value, `${prefix}${key}.`)));
}

function load(language: string): Map<string, string[]> {
  const dir = join("locales", language);
  return new Map(
    readdirSync(dir)
      .filter((file) => file.endsWith(".json"))
      .map((file) => [file, keysOf(JSON.parse(readFileSync(join(dir, file), "utf8")) as Tree).sort()]),
  );
}

describe("locales", () => {
  const ja = load("ja");
  const en = load("en");

  it("have the same files in both languages", () => {
    expect([...ja.keys()].sort()).toEqual([...en.keys()].sort());
  });

  for (const [file, jaKeys] of ja) {
    it(`${file} has the same keys in ja and en`, () => {
      expect(jaKeys).toEqual(en.get(file));
    });
  }

  it("has no empty strings", () => {
    for (const language of ["ja", "en"]) {
      for (const file of readdirSync(join("locales", language))) {
        const text = readFileSync(join("locales", language, file), "utf8");
        expect(text, `${language}/${file}`).not.toMatch(/:\s*""/);
      }
    }
  });
});
