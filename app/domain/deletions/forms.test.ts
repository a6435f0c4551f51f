import { parseWithZod } from "@conform-to/zod/v4";
import { describe, expect, it } from "vitest";
import { DeletionSettingsSchema, GroundSchema, RefuseSchema, RequestDeletionSchema } from "./forms";

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  return data;
}

describe("deletion forms", () => {
  it("need the customer's ticked confirmation", () => {
    expect(parseWithZod(form({}), { schema: RequestDeletionSchema }).status).toBe("error");
    expect(parseWithZod(form({ understood: "yes" }), { schema: RequestDeletionSchema }).status).toBe("error");
    expect(parseWithZod(form({ understood: "on" }), { schema: RequestDeletionSchema }).status).toBe("success");
  });

  it("need a ground and an explanation in both languages to refuse", () => {
    const refused = parseWithZod(form({ intent: "refuse", version: "2", ground: "", explanationJa: "  ", explanationEn: "x".repeat(2001) }), {
      schema: RefuseSchema,
    });
    expect(refused.status).toBe("error");
    expect(refused.reply().error).toMatchObject({
      ground: ["staff-deletions:errors.groundRequired"],
      explanationJa: ["staff-deletions:errors.explanationJaRequired"],
      explanationEn: ["staff-deletions:errors.explanationTooLong"],
    });
    const fine = parseWithZod(form({ intent: "refuse", version: "2", ground: "legal-retention", explanationJa: "理由", explanationEn: "Reason" }), {
      schema: RefuseSchema,
    });
    expect(fine.status).toBe("success");
  });

  it("keep the deadline and the grace period within their ranges", () => {
    const parse = (deadlineDays: string, executionDelayHours: string) =>
      parseWithZod(form({ intent: "settings", deadlineDays, executionDelayHours }), { schema: DeletionSettingsSchema }).status;
    expect(parse("30", "24")).toBe("success");
    expect(parse("0", "24")).toBe("error");
    expect(parse("30.5", "24")).toBe("error");
    expect(parse("30", "-1")).toBe("error");
    expect(parse("366", "0")).toBe("error");
  });

  it("take a ground's labels as one trimmed line", () => {
    const result = parseWithZod(form({ intent: "add-ground", labelJa: " 法令上の\n保存義務 ", labelEn: "Legal duty to keep" }), { schema: GroundSchema });
    expect(result.status === "success" && result.value.labelJa).toBe("法令上の 保存義務");
  });
});
