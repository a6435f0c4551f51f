// The arithmetic of the dashboard's charts: a round top for the value axis, and how many
// of the bucket labels fit under the chart. Pure, so the drawing stays dumb.

/** The value axis: 0 to `top` in steps of `step` (1, 2 or 5 times a power of ten), at most about five of them. */
export function valueAxis(max: number, steps = 5): { top: number; step: number } {
  if (!(max > 0)) return { top: steps, step: 1 };
  const rough = max / steps;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = Math.max(1, [1, 2, 5, 10].map((multiple) => multiple * magnitude).find((candidate) => candidate >= rough) ?? 10 * magnitude);
  return { top: Math.ceil(max / step) * step, step };
}

/** The ticks of an axis from `valueAxis`: 0, step, ..., top. */
export function ticksOf({ top, step }: { top: number; step: number }): number[] {
  const ticks: number[] = [];
  for (let value = 0; value <= top; value += step) ticks.push(value);
  return ticks;
}

/** Label every n-th bucket so that at most `room` labels sit under the chart (the last always). */
export function labelledBuckets(count: number, room = 8): Set<number> {
  const every = Math.max(1, Math.ceil(count / room));
  const labelled = new Set<number>();
  for (let index = 0; index < count; index += every) labelled.add(index);
  // The last bucket is the one people look for; it replaces a neighbour that would crowd it.
  if (count > 0 && !labelled.has(count - 1)) {
    labelled.delete(count - 1 - ((count - 1) % every));
    labelled.add(count - 1);
  }
  return labelled;
}

/** The largest value and where it first occurs; null for an empty series. */
export function peakOf(values: number[]): { value: number; index: number } | null {
  if (values.length === 0) return null;
  let index = 0;
  for (let at = 1; at < values.length; at++) if (values[at]! > values[index]!) index = at;
  return { value: values[index]!, index };
}
