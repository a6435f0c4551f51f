// The return address of a notification (ADR 031): the bounce mailbox's address with the mail's
// own id and a signature of it after a "+" (bounces+<id>-<signature>@desk.example.com), so a
// delivery status notification that comes back says which mail, and so which person, it is
// about, and a forged one can't name a mail it didn't see.

/** `sign` gives the id's signature (derivedDigest "bounce-address"). */
export function returnAddress(bounceAddress: string, mailId: string, sign: (id: string) => string): string {
  const at = bounceAddress.lastIndexOf("@");
  return `${bounceAddress.slice(0, at)}+${mailId}-${sign(mailId)}${bounceAddress.slice(at)}`;
}

/** The mail id a return address names, or null when it isn't one of ours or its signature is wrong. */
export function mailIdOf(address: string, bounceAddress: string, sign: (id: string) => string): string | null {
  const at = bounceAddress.lastIndexOf("@");
  const local = bounceAddress.slice(0, at).toLowerCase();
  const domain = bounceAddress.slice(at + 1).toLowerCase();
  const match = /^([^@]+)\+([a-z0-9]{1,40})-([0-9a-f]+)@([^@]+)$/i.exec(address.trim().replace(/^<|>$/g, ""));
  if (!match || match[1]!.toLowerCase() !== local || match[4]!.toLowerCase() !== domain) return null;
  const id = match[2]!.toLowerCase();
  return sign(id) === match[3]!.toLowerCase() ? id : null;
}
