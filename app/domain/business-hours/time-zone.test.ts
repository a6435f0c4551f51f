import { describe, expect, it } from "vitest";
import { isValidTimeZone, localDateOf } from "./index";
import { utc } from "./test-helpers";

describe("time-zone helpers", () => {
  it("accepts IANA zones and rejects anything else", () => {
    expect(isValidTimeZone("Asia/Tokyo")).toBe(true);
    expect(isValidTimeZone("Europe/London")).toBe(true);
    expect(isValidTimeZone("UTC")).toBe(true);
    expect(isValidTimeZone("Asia/Tokio")).toBe(false);
    expect(isValidTimeZone("+09:00")).toBe(false);
    expect(isValidTimeZone("")).toBe(false);
  });

  it("gives the desk's calendar date of an instant", () => {
    expect(localDateOf(utc("2019-07-14 14:59"), "Asia/Tokyo")).toBe("2019-07-14");
    expect(localDateOf(utc("2019-07-14 15:00"), "Asia/Tokyo")).toBe("2019-07-15");
    expect(localDateOf(utc("2019-07-15 06:59"), "America/Los_Angeles")).toBe("2019-07-14");
  });
});
