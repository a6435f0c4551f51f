import { useRevalidator } from "@remix-run/react";
import { useEffect } from "react";

/** Reloads the page's data every second while `live`; no script beyond the app's own. */
export function useLiveRevalidation(live: boolean) {
  const { revalidate, state } = useRevalidator();
  useEffect(() => {
    if (!live || state !== "idle") return;
    const timer = setTimeout(revalidate, 1_000);
    return () => clearTimeout(timer);
  }, [live, state, revalidate]);
}
