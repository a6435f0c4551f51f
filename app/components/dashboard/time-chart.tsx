// A chart of one or two series over the period's buckets, drawn as SVG on the server (no
// script draws it, and none comes from elsewhere). It is an image with a name and a
// summary for screen readers, and its figures are one click away as a table: the text
// alternative for anyone who would rather read the numbers.
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { labelledBuckets, ticksOf, valueAxis } from "~/domain/dashboard/chart-scale";

export interface ChartSeries {
  name: string;
  values: number[];
}

interface TimeChartProps {
  kind: "bars" | "line";
  title: string;
  /** What the chart shows in a sentence: the image's description. */
  description: string;
  /** Bucket labels under the axis, and in full in the table, formatted for the reader. */
  labels: string[];
  rowLabels: string[];
  series: ChartSeries[];
  /** A fixed top for the value axis (e.g. the number of accounts a progress climbs towards). */
  top?: number;
  weekly: boolean;
  format: (value: number) => string;
}

const WIDTH = 640;
const HEIGHT = 260;
const MARGIN = { top: 12, right: 12, bottom: 44, left: 64 };
const PLOT_WIDTH = WIDTH - MARGIN.left - MARGIN.right;
const PLOT_HEIGHT = HEIGHT - MARGIN.top - MARGIN.bottom;

export function TimeChart({ kind, title, description, labels, rowLabels, series, top, weekly, format }: TimeChartProps) {
  const { t } = useTranslation("dashboard");
  const id = useId();
  const max = Math.max(0, top ?? 0, ...series.flatMap((line) => line.values));
  const axis = valueAxis(max);
  const y = (value: number) => MARGIN.top + PLOT_HEIGHT - (value / axis.top) * PLOT_HEIGHT;
  const slot = labels.length > 0 ? PLOT_WIDTH / labels.length : PLOT_WIDTH;
  const centre = (index: number) => MARGIN.left + slot * (index + 0.5);
  const labelled = labelledBuckets(labels.length);
  return (
    <figure className="chart">
      <figcaption className="chart-title" id={`${id}-caption`}>
        {title}
      </figcaption>
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        className={`chart-svg chart-${kind}`}
        preserveAspectRatio="xMidYMid meet"
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        {ticksOf(axis).map((tick) => (
          <g key={tick} className="chart-grid">
            <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={y(tick)} y2={y(tick)} />
            <text x={MARGIN.left - 8} y={y(tick)} dy="0.32em" textAnchor="end">
              {format(tick)}
            </text>
          </g>
        ))}
        {labels.map((label, index) =>
          labelled.has(index) ? (
            <text key={index} className="chart-label" x={centre(index)} y={HEIGHT - MARGIN.bottom + 18} textAnchor="middle">
              {label}
            </text>
          ) : null,
        )}
        {kind === "bars" ? <Bars series={series} slot={slot} y={y} /> : <Lines series={series} centre={centre} y={y} showPoints={labels.length <= 31} />}
      </svg>
      {series.length > 1 ? (
        <ul className="chart-legend">
          {series.map((line, index) => (
            <li key={line.name}>
              <span className={`chart-swatch chart-series-${index}`} aria-hidden="true" />
              {line.name}
            </li>
          ))}
        </ul>
      ) : null}
      <details className="chart-table">
        <summary>{t("chart.table")}</summary>
        {/* Focusable, so a long table can be scrolled from the keyboard. */}
        <div className="table-scroll" tabIndex={0} role="region" aria-label={title}>
          <table>
            <caption>{title}</caption>
            <thead>
              <tr>
                <th scope="col">{weekly ? t("chart.week") : t("chart.day")}</th>
                {series.map((line) => (
                  <th scope="col" key={line.name}>
                    {line.name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rowLabels.map((label, index) => (
                <tr key={index}>
                  <th scope="row">{label}</th>
                  {series.map((line) => (
                    <td key={line.name}>{format(line.values[index] ?? 0)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}

function Bars({ series, slot, y }: { series: ChartSeries[]; slot: number; y: (value: number) => number }) {
  const groupWidth = slot * 0.8;
  const barWidth = groupWidth / Math.max(1, series.length);
  const baseline = y(0);
  return (
    <>
      {series.map((line, seriesIndex) => (
        <g key={line.name} className={`chart-series-${seriesIndex}`}>
          {line.values.map((value, index) => (
            <rect
              key={index}
              x={MARGIN.left + slot * index + (slot - groupWidth) / 2 + barWidth * seriesIndex}
              y={y(value)}
              width={Math.max(barWidth - 1, 0.5)}
              height={baseline - y(value)}
            />
          ))}
        </g>
      ))}
    </>
  );
}

function Lines({
  series,
  centre,
  y,
  showPoints,
}: {
  series: ChartSeries[];
  centre: (index: number) => number;
  y: (value: number) => number;
  showPoints: boolean;
}) {
  return (
    <>
      {series.map((line, seriesIndex) => (
        <g key={line.name} className={`chart-series-${seriesIndex}`}>
          <polyline fill="none" points={line.values.map((value, index) => `${centre(index)},${y(value)}`).join(" ")} />
          {showPoints ? line.values.map((value, index) => <circle key={index} cx={centre(index)} cy={y(value)} r={3} />) : null}
        </g>
      ))}
    </>
  );
}
