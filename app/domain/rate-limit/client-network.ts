// What counts as one client for the limits and the audit log's client hash. An IPv4 address
// is one client; an IPv6 address is counted by its /64, the network one subscriber or one
// machine is given: it holds 2^64 addresses to rotate through, so counting each address on
// its own would give a guesser as many fresh counts as it likes.
import { isIPv6 } from "node:net";

const MAPPED_IPV4 = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i;

/** The address as one client: an IPv4 address itself, an IPv6 address's first 64 bits ("2001:db8:1:2::/64"). */
export function clientNetworkOf(address: string): string {
  const unzoned = address.split("%")[0]!;
  if (!isIPv6(unzoned)) return address;
  const mapped = MAPPED_IPV4.exec(unzoned);
  if (mapped) return mapped[1]!;
  const [head = "", tail] = unzoned.split("::");
  const groupsOf = (part: string) => (part ? part.split(":").flatMap((group) => (group.includes(".") ? ["ipv4-high", "ipv4-low"] : [group])) : []);
  const left = groupsOf(head);
  const right = tail === undefined ? [] : groupsOf(tail);
  const groups = [...left, ...Array<string>(8 - left.length - right.length).fill("0"), ...right];
  return `${groups
    .slice(0, 4)
    .map((group) => group.toLowerCase().replace(/^0+(?=.)/, ""))
    .join(":")}::/64`;
}
