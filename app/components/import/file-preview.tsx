// How an import file reads, shown before it is imported (ADR 019): its encoding and its
// first names as decoded, so that mojibake is caught by eye before anything is written; and
// the button that imports exactly this file (the preview's digest goes with it).
import { useTranslation } from "react-i18next";
import type { ImportPreview } from "~/domain/import/preview";

export type FilePreviewView = ImportPreview & {
  fileName: string;
  digest: string;
  /** The officer confirmed a preview of another file: this is the new file's. */
  changed: boolean;
};

export function FilePreview({ preview, uploading }: { preview: FilePreviewView; uploading: boolean }) {
  const { t } = useTranslation("staff-import");
  return (
    <section aria-labelledby="import-preview" className="stack" data-testid="import-preview">
      <h3 id="import-preview">{t("preview.heading")}</h3>
      {preview.changed ? <p className="form-message is-error">{t("preview.changed")}</p> : null}
      <p data-testid="import-encoding">
        <strong>{t(`encoding.${preview.encoding ?? "ascii"}`)}</strong>
      </p>
      {!preview.nameColumn ? (
        <p>{t("preview.noNameColumn")}</p>
      ) : preview.names.length === 0 ? (
        <p>{t("preview.noNames")}</p>
      ) : (
        <>
          <p>{t("preview.names")}</p>
          <div className="table-scroll">
            <table className="data" data-testid="import-names">
              <caption>{t("preview.caption", { file: preview.fileName })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("preview.line")}</th>
                  <th scope="col">{t("preview.name")}</th>
                </tr>
              </thead>
              <tbody>
                {preview.names.map(({ line, name }) => (
                  <tr key={line}>
                    <th scope="row">{line}</th>
                    <td>{name}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      <input type="hidden" name="previewed" value={preview.digest} />
      <div>
        <button type="submit" name="intent" value="import" disabled={uploading}>
          {t("preview.confirm")}
        </button>
      </div>
      <p>{t("preview.another")}</p>
    </section>
  );
}
