// Claim, assign and change status. Each form carries the version the page shows and is
// keyed on it: after any change, by this agent or another, the selects are built afresh
// from the inquiry as it now stands (an uncontrolled select keeps its first default across
// revalidations), and a form left open on an older view is refused by the server.
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AgentOptions, StatusOptions } from "~/components/inquiries/options";
import type { InquiryStatus } from "~/domain/inquiries/categories";
import { STAFF_STATUSES } from "~/domain/inquiries/staff-forms";

export interface ActionsView {
  version: number;
  status: InquiryStatus;
  assignee: { id: string; name: string } | null;
}

export function StaffActions({ inquiry, me, agents }: { inquiry: ActionsView; me: string; agents: Array<{ id: string; name: string }> }) {
  const { t } = useTranslation("staff-inquiries");
  const version = <input type="hidden" name="version" value={inquiry.version} />;
  // A new inquiry is "new" until someone acts on it, a status nobody chooses: shown, not offered.
  const chosen = (STAFF_STATUSES as readonly string[]).includes(inquiry.status);
  // Whoever has it stays on the list, even once they can no longer be given inquiries.
  const { assignee } = inquiry;
  const choices = assignee && !agents.some((agent) => agent.id === assignee.id) ? [assignee, ...agents] : agents;
  return (
    <>
      {inquiry.assignee?.id !== me ? (
        <Form method="post" key={`claim-${inquiry.version}`}>
          <input type="hidden" name="intent" value="claim" />
          {version}
          <button type="submit">{t("actions.claim")}</button>
        </Form>
      ) : null}
      <Form method="post" className="queue-filters" key={`assign-${inquiry.version}`}>
        <input type="hidden" name="intent" value="assign" />
        {version}
        {/* Beside the select, not around it: the label's text would take in the options'. */}
        <label htmlFor="assign-to">{t("actions.assignTo")}</label>
        <select id="assign-to" name="assigneeId" defaultValue={inquiry.assignee?.id ?? ""}>
          <option value="">{t("queue.unassigned")}</option>
          <AgentOptions agents={choices} />
        </select>
        <button type="submit">{t("actions.assign")}</button>
      </Form>
      <Form method="post" className="queue-filters" key={`status-${inquiry.version}`}>
        <input type="hidden" name="intent" value="status" />
        {version}
        <label htmlFor="status-to">{t("actions.statusTo")}</label>
        <select id="status-to" name="to" defaultValue={inquiry.status}>
          {chosen ? null : (
            <option value={inquiry.status} disabled>
              {t(`inquiries:status.${inquiry.status}`)}
            </option>
          )}
          <StatusOptions statuses={STAFF_STATUSES} />
        </select>
        <button type="submit">{t("actions.setStatus")}</button>
      </Form>
    </>
  );
}
