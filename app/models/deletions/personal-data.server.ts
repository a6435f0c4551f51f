// What the portal holds about one person, found by their customer id and by the keyed hash
// of their address (inquiries and mail of an address that was never a signed-in customer
// count too). The privacy officer sees these counts before deciding; the erasure removes
// exactly these rows, in one transaction.
import type { Tx } from "~/db/transaction.server";
import type { ErasedCategory } from "~/domain/deletions/categories";

export interface Person {
  customerId: string | null;
  emailHash: string;
}

const UNSENT = ["queued", "sending", "failed"];

export function inquiriesOf(person: Person) {
  return {
    erasedAt: null,
    OR: [...(person.customerId ? [{ customerId: person.customerId }] : []), { emailHash: person.emailHash }],
  };
}

/**
 * Mail not yet sent to the person, except the mails of deletion requests themselves: those
 * tell the person what is happening (the approval, the confirmation), are delivered, and
 * then lose their body and address like every sent mail.
 */
export function unsentMailOf(person: Person) {
  return {
    status: { in: UNSENT },
    NOT: { template: { startsWith: "deletion-" } },
    OR: [...(person.customerId ? [{ customerId: person.customerId }] : []), { recipientHash: person.emailHash }],
  };
}

/** How many items of each kind the person has now. */
export async function countPersonalData(tx: Tx, person: Person): Promise<Record<ErasedCategory, number>> {
  const customerId = person.customerId ?? "";
  const [customer, exposures, inquiries, messages, sessions, unsentMail, checks, pendingInquiries] = await Promise.all([
    tx.customer.findUnique({
      where: { id: customerId },
      select: { nameCiphertext: true, passwordHash: true, legacyPasswordHash: true, legacyHashWrapped: true },
    }),
    tx.customerExposure.count({ where: { customerId } }),
    tx.inquiry.count({ where: inquiriesOf(person) }),
    tx.inquiryMessage.count({ where: { inquiry: inquiriesOf(person) } }),
    tx.customerSession.count({ where: { customerId } }),
    tx.outboxMessage.count({ where: unsentMailOf(person) }),
    tx.checkRequest.count({ where: { emailHash: person.emailHash } }),
    tx.pendingInquiry.count({ where: { emailHash: person.emailHash } }),
  ]);
  const password = customer && (customer.passwordHash || customer.legacyPasswordHash || customer.legacyHashWrapped) ? 1 : 0;
  return {
    "email-address": customer ? 1 : 0,
    name: customer?.nameCiphertext ? 1 : 0,
    "exposure-records": exposures,
    "password-data": password,
    "inquiry-contact-details": inquiries,
    "inquiry-messages": messages,
    sessions,
    "unsent-mail": unsentMail,
    "pending-requests": checks + pendingInquiries,
  };
}
