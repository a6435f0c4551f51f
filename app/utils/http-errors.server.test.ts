import { describe, expect, it } from "vitest";
import { errorKindFor, ROLE_REFUSAL } from "~/domain/error-page";
import { forbidden, notFound } from "./http-errors.server";

/** What an error boundary receives: the status and the body, read as JSON when there is one. */
async function reachingTheBoundary(response: Response) {
  const text = await response.text();
  return { status: response.status, data: text ? (JSON.parse(text) as unknown) : null };
}

describe("notFound and forbidden", () => {
  it("lead to the not-found page, with or without a title for it", async () => {
    for (const response of [notFound(), notFound({ title: "お問い合わせは見つかりません" })]) {
      const { status, data } = await reachingTheBoundary(response);
      expect(errorKindFor(status, data)).toBe("not-found");
    }
    expect((await reachingTheBoundary(notFound({ title: "t" }))).data).toEqual({ title: "t" });
  });

  it("lead to the role's refusal when they carry it, else to a refused request", async () => {
    const role = await reachingTheBoundary(forbidden(ROLE_REFUSAL));
    expect(errorKindFor(role.status, role.data)).toBe("role");
    const plain = await reachingTheBoundary(forbidden());
    expect(errorKindFor(plain.status, plain.data)).toBe("refused");
  });

  it("say JSON only when they carry a body", () => {
    expect(notFound().headers.get("Content-Type")).toBeNull();
    expect(forbidden(ROLE_REFUSAL).headers.get("Content-Type")).toContain("application/json");
  });
});
