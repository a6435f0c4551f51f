// Every column that holds an envelope sealed with DATA_ENCRYPTION_KEYS (ADR 006), with the
// key that orders its table's rows. The reseal after a key rotation walks exactly these;
// sealed-columns.server.test.ts fails when the schema documents a sealed column missing here.
// The names go into SQL as quoted identifiers: they are these constants, never input.

export interface SealedTable {
  table: string;
  /** The primary key, in order: the reseal pages through the table by it. */
  key: string[];
  columns: string[];
}

export const SEALED_TABLES: SealedTable[] = [
  { table: "Customer", key: ["id"], columns: ["emailCiphertext", "nameCiphertext", "languageCiphertext"] },
  { table: "CheckRequest", key: ["id"], columns: ["emailCiphertext"] },
  { table: "Inquiry", key: ["id"], columns: ["emailCiphertext", "nameCiphertext", "phoneCiphertext"] },
  { table: "InquiryMessage", key: ["id"], columns: ["bodyCiphertext"] },
  { table: "PendingInquiry", key: ["id"], columns: ["payload"] },
  { table: "OutboxMessage", key: ["id"], columns: ["payload"] },
  { table: "StaffMember", key: ["id"], columns: ["totpSecret"] },
  { table: "StaffEnrolmentToken", key: ["id"], columns: ["pendingTotpSecret"] },
  // Lines of an import still under way (emptied when the run ends); a line of a run with
  // errors is staged unsealed, as "".
  { table: "ImportStagingRow", key: ["runId", "line"], columns: ["emailCiphertext", "nameCiphertext", "languageCiphertext"] },
];
