// The <option>s the staff pages share: agents who can be given inquiries, and statuses.
import { useTranslation } from "react-i18next";
import type { InquiryStatus } from "~/domain/inquiries/categories";

export function AgentOptions({ agents }: { agents: Array<{ id: string; name: string }> }) {
  return (
    <>
      {agents.map((agent) => (
        <option key={agent.id} value={agent.id}>
          {agent.name}
        </option>
      ))}
    </>
  );
}

export function StatusOptions({ statuses }: { statuses: readonly InquiryStatus[] }) {
  const { t } = useTranslation("inquiries");
  return (
    <>
      {statuses.map((status) => (
        <option key={status} value={status}>
          {t(`status.${status}`)}
        </option>
      ))}
    </>
  );
}
