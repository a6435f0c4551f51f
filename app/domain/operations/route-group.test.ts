import { describe, expect, it } from "vitest";
import { methodLabelOf, routeGroupOf, statusClassOf } from "./route-group";

describe("request metric labels", () => {
  it.each([
    ["/", "/"],
    ["/?lng=en", "/"],
    ["/check", "check"],
    ["/check/open?token=abc", "check"],
    ["/inquiries/MD-7K3Q-2F9P", "inquiries"],
    ["/my/password", "my"],
    ["/signin", "signin"],
    ["/notices/1", "notices"],
    ["/deletion-requests/DR-7K3Q-2F9P?key=secret", "deletion-requests"],
    ["/staff/inquiries/MD-7K3Q-2F9P", "staff"],
    ["/build/entry.client-ABC.js", "build"],
    ["/healthz", "healthz"],
    ["/metrics", "metrics"],
  ])("%s is in the group %s", (path, group) => {
    expect(routeGroupOf(path)).toBe(group);
  });

  it("puts anything else, whatever it holds, in one group", () => {
    for (const path of ["/wp-login.php", "/someone@example.com", "/checkout", "/STAFF", "//staff", "/favicon.ico", "/" + "x".repeat(5000)]) {
      expect(routeGroupOf(path)).toBe("other");
    }
  });

  it("keeps methods to the known few", () => {
    expect(methodLabelOf("GET")).toBe("GET");
    expect(methodLabelOf("POST")).toBe("POST");
    expect(methodLabelOf("PROPFIND")).toBe("other");
    expect(methodLabelOf("get")).toBe("other");
  });

  it("classes statuses by their first digit", () => {
    expect(statusClassOf(200)).toBe("2xx");
    expect(statusClassOf(304)).toBe("3xx");
    expect(statusClassOf(404)).toBe("4xx");
    expect(statusClassOf(503)).toBe("5xx");
    expect(statusClassOf(0)).toBe("other");
    expect(statusClassOf(999)).toBe("other");
  });
});
