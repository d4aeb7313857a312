import { createMemo, For, Index } from 'solid-js';

/** Days since 1970-01-01 (a Thursday) to the day of the week, Monday = 0. */
const weekday = (day: number) => (((day + 3) % 7) + 7) % 7;

/** Made once: each `toLocaleDateString` call builds a new formatter, about a millisecond apiece. */
let dateFormat: Intl.DateTimeFormat | undefined;

/** "Mar 12, 2026" (in the learner's locale) of a study day number, i.e. of its local date. */
export function dateLabel(day: number): string {
  dateFormat ??= new Intl.DateTimeFormat([], {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
  return dateFormat.format(day * 86_400_000);
}

/**
 * Reviews per study day over the past year as a heatmap: a column per week (Monday at the top), the shade
 * by how many reviews that day had, relative to the busiest day. Plain SVG with theme classes; hidden from
 * screen readers, for whom `summary` says what it shows.
 */
export default function ReviewHeatmap(props: { firstDay: number; days: readonly number[]; summary: string }) {
  const cell = 6;
  const gap = 1;
  const offset = () => weekday(props.firstDay);
  const weeks = () => Math.ceil((props.days.length + offset()) / 7);
  // A memo: every cell reads it.
  const max = createMemo(() => Math.max(1, ...props.days));
  /** 0 for no review, else 1-4 by quarter of the busiest day. */
  const level = (n: number) => (n === 0 ? 0 : Math.min(4, Math.ceil((n / max()) * 4)));
  return (
    <figure class="stats-chart">
      <svg
        class="stats-heatmap"
        viewBox={`0 0 ${weeks() * (cell + gap)} ${7 * (cell + gap)}`}
        aria-hidden="true"
      >
        {/* Index: a day keeps its cell while the counts fill in (and For would key cells by count). */}
        <Index each={props.days}>
          {(count, i) => {
            const slot = () => i + offset();
            return (
              <rect
                class={`heat heat-${level(count())}`}
                x={Math.floor(slot() / 7) * (cell + gap)}
                y={(slot() % 7) * (cell + gap)}
                width={cell}
                height={cell}
                rx="1"
              />
            );
          }}
        </Index>
      </svg>
      <div class="heat-scale" aria-hidden="true">
        <span>{dateLabel(props.firstDay)}</span>
        <span class="heat-legend">
          Less
          <svg viewBox="0 0 34 6" class="heat-legend-cells">
            <For each={[0, 1, 2, 3, 4]}>
              {(n) => <rect class={`heat heat-${n}`} x={n * 7} y="0" width="6" height="6" rx="1" />}
            </For>
          </svg>
          More
        </span>
        <span>Today</span>
      </div>
      <figcaption class="muted">{props.summary}</figcaption>
    </figure>
  );
}
