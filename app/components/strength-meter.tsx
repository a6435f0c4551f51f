// How strong the password being typed is, asked of the server (which holds the
// dictionaries, a few megabytes no phone should download) a moment after typing stops.
// A plain fetch, not a Remix fetcher: a fetcher's answer would reload the page's data, and
// one still under way when the form is submitted (which ends the session it was sent with)
// would navigate away. Read out politely by screen readers; without JavaScript the form's
// own answer suffices.
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";

const PAUSE_MS = 300;

interface Strength {
  score: number;
  problem: string | null;
}

/** `refused`: the form refused this password (its message is shown); no rating then contradicts it. */
export function StrengthMeter({ password, refused = false }: { password: string; refused?: boolean }) {
  const { t } = useTranslation("account");
  const [strength, setStrength] = useState<Strength | null>(null);
  useEffect(() => {
    setStrength(null);
    if (!password) return;
    const abort = new AbortController();
    const timer = setTimeout(() => {
      fetch("/my/password-strength", { method: "POST", body: new URLSearchParams({ password }), signal: abort.signal })
        .then((response) => (response.ok ? (response.json() as Promise<Strength>) : null))
        .then((answer) => setStrength(answer))
        .catch(() => undefined); // no meter is fine; the form still answers
    }, PAUSE_MS);
    return () => {
      clearTimeout(timer);
      abort.abort();
    };
  }, [password]);
  return (
    <div className="strength-meter" id="password-strength" aria-live="polite">
      {refused ? (
        <span>
          {t("password.meter.label")}: <strong>{t("password.meter.refused")}</strong>
        </span>
      ) : strength ? (
        <>
          <span>{t("password.meter.label")}: </span>
          <meter min={0} max={4} low={2} high={3} optimum={4} value={strength.score} aria-hidden="true" />
          <strong data-score={strength.score}> {t(`password.meter.${strength.score}`)}</strong>
          {strength.problem ? <span> {t(`password.problems.${strength.problem}`)}</span> : null}
        </>
      ) : null}
    </div>
  );
}
