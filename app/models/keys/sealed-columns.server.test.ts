// The list of sealed columns against the schema's own word: a field named *Ciphertext, or one
// whose comment calls it an envelope or sealed, must be resealed after a key rotation.
import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { SEALED_TABLES } from "./sealed-columns.server";

const schema = readFileSync(new URL("../../../prisma/models.prisma", import.meta.url), "utf8");

function sealedColumnsOfSchema(): string[] {
  const found: string[] = [];
  let model = "";
  let comment = "";
  for (const line of schema.split("\n").map((l) => l.trim())) {
    const modelStart = /^model (\w+) \{/.exec(line);
    if (modelStart) model = modelStart[1]!;
    if (line.startsWith("///")) {
      comment += ` ${line}`;
      continue;
    }
    const field = /^(\w+)\s+String/.exec(line);
    if (field && model && (/Ciphertext$/.test(field[1]!) || /\b(envelope|sealed)\b/i.test(comment))) found.push(`${model}.${field[1]}`);
    comment = "";
  }
  return found.sort();
}

it("reseals every column the schema documents as sealed, and only those", () => {
  const listed = SEALED_TABLES.flatMap(({ table, columns }) => columns.map((column) => `${table}.${column}`)).sort();
  expect(sealedColumnsOfSchema().length).toBeGreaterThanOrEqual(13);
  expect(listed).toEqual(sealedColumnsOfSchema());
});

it("names tables and columns that are safe to quote as identifiers", () => {
  for (const { table, key, columns } of SEALED_TABLES) {
    for (const name of [table, ...key, ...columns]) expect(name).toMatch(/^[A-Za-z]+$/);
  }
});
