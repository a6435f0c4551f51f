import { describe, expect, it } from "vitest";
import { clientNetworkOf } from "./client-network";

describe("one client, as the limits count it", () => {
  it("is an IPv4 address itself, however Node reports it", () => {
    expect(clientNetworkOf("203.0.113.7")).toBe("203.0.113.7");
    expect(clientNetworkOf("::ffff:203.0.113.7")).toBe("203.0.113.7");
  });

  it("is an IPv6 address's /64, however it is written", () => {
    const network = "2001:db8:1:2::/64";
    for (const address of [
      "2001:db8:1:2::1",
      "2001:0db8:0001:0002:ffff:ffff:ffff:ffff",
      "2001:DB8:1:2:a:b:c:d",
      "2001:db8:1:2::",
      "2001:db8:1:2:0:0:0:1%eth0",
    ]) {
      expect(clientNetworkOf(address), address).toBe(network);
    }
    expect(clientNetworkOf("2001:db8:1:3::1")).not.toBe(network);
    expect(clientNetworkOf("::1")).toBe("0:0:0:0::/64");
    expect(clientNetworkOf("2001:db8::")).toBe("2001:db8:0:0::/64");
    expect(clientNetworkOf("::2001:db8:1:2:3:4:5")).toBe("0:2001:db8:1::/64");
    expect(clientNetworkOf("64:ff9b::192.0.2.1")).toBe("64:ff9b:0:0::/64");
  });

  it("leaves anything else as it came", () => {
    expect(clientNetworkOf("unknown")).toBe("unknown");
  });
});
