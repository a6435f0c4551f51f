// A field people never see (hidden from view and from assistive technology, out of the tab
// order); a bot that fills in every field fills this one too, and the server then pretends
// to have done what was asked.
export function Honeypot({ id, name, label }: { id: string; name: string; label: string }) {
  return (
    <div className="honeypot" aria-hidden="true">
      <label htmlFor={id}>{label}</label>
      <input id={id} name={name} type="text" tabIndex={-1} autoComplete="off" />
    </div>
  );
}
