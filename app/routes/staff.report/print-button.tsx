// Printing needs the browser's own dialog; before the page's script has loaded the button
// is simply not there (the browser's menu prints the page just as well).
import { useEffect, useState } from "react";

export function PrintButton({ label }: { label: string }) {
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);
  if (!ready) return null;
  return (
    <button type="button" onClick={() => window.print()}>
      {label}
    </button>
  );
}
