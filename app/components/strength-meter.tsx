// How strong the password being typed is, asked of the server (which holds the
// dictionaries, a few megabytes no phone should download) a moment after typing stops.
// Read out politely by screen readers; without JavaScript the form's own answer suffices.
import { useFetcher } from "@remix-run/react";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";

const PAUSE_MS = 300;

interface Strength {
  score: number;
  problem: string | null;
}

export function StrengthMeter({ password }: { password: string }) {
  const { t } = useTranslation("account");
  const fetcher = useFetcher<Strength>();
  const { submit } = fetcher;
  useEffect(() => {
    if (!password) return;
    const timer = setTimeout(() => submit({ password }, { method: "post", action: "/my/password-strength" }), PAUSE_MS);
    return () => clearTimeout(timer);
  }, [password, submit]);
  const strength = password ? fetcher.data : undefined;
  return (
    <div className="strength-meter" id="password-strength" aria-live="polite">
      {strength ? (
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
