import { createMemo, createSignal, Index, Show } from 'solid-js';

export interface ChartBar {
  /** The bar's name in the table, such as "14 Apr 2026". */
  label: string;
  /** A short label under the bar, such as "+7d"; none when absent. */
  tick?: string;
  value: number;
}

/**
 * A bar chart in plain SVG: bar heights are attributes (the CSP forbids inline styles) and colours come
 * from the theme through CSS classes, so it follows light and dark. The SVG is hidden from screen readers:
 * `summary` says what it shows, and `table` (when given) repeats every bar as a row of a table that
 * "Show as a table" opens (and makes).
 */
export default function StatsBarChart(props: {
  bars: readonly ChartBar[];
  summary: string;
  /** Column headers of the table, e.g. ["Day", "Cards due"]; no table when absent. */
  table?: [string, string];
  /** A CSS class for the bars' colour, such as "bar-accent". */
  tone?: string;
}) {
  const width = 300;
  const height = 120;
  // Memos: `props.bars` may be computed by the caller on each read, and every bar reads the maximum.
  const bars = createMemo(() => props.bars);
  const [open, setOpen] = createSignal(false);
  const max = createMemo(() => Math.max(1, ...bars().map((bar) => bar.value)));
  const step = createMemo(() => width / Math.max(1, bars().length));
  // A label near an edge is aligned to it, so it is not cut off; the others are centred under their bar.
  const EDGE = 16;
  const tickAnchor = (i: number) => {
    const centre = i * step() + step() / 2;
    return centre < EDGE ? 'start' : centre > width - EDGE ? 'end' : 'middle';
  };
  const tickX = (i: number) => {
    const anchor = tickAnchor(i);
    return anchor === 'start' ? i * step() : anchor === 'end' ? (i + 1) * step() : i * step() + step() / 2;
  };
  return (
    <figure class="stats-chart">
      <svg class="stats-bars" viewBox={`0 0 ${width} ${height + 16}`} aria-hidden="true">
        <line class="stats-axis" x1="0" y1={height + 0.5} x2={width} y2={height + 0.5} />
        {/* Index, not For: new numbers arrive every second while the worker reads, and each bar keeps its
            place, so only the changed attributes are updated. */}
        <Index each={bars()}>
          {(bar, i) => {
            const h = () => (bar().value / max()) * (height - 4);
            return (
              <>
                <rect
                  class={`stats-bar ${props.tone ?? 'bar-accent'}`}
                  x={i * step() + step() * 0.12}
                  y={height - h()}
                  width={Math.max(0.5, step() * 0.76)}
                  height={h()}
                  rx={Math.min(2, step() * 0.2)}
                />
                <Show when={bar().tick}>
                  <text class="stats-tick" x={tickX(i)} y={height + 13} text-anchor={tickAnchor(i)}>
                    {bar().tick}
                  </text>
                </Show>
              </>
            );
          }}
        </Index>
      </svg>
      <figcaption class="muted">{props.summary}</figcaption>
      <Show when={props.table}>
        {(headers) => (
          <details class="stats-table-details" onToggle={(event) => setOpen(event.currentTarget.open)}>
            <summary>Show as a table</summary>
            {/* Made when opened: a closed table would only add rows to every update of the screen. */}
            <Show when={open()}>
              <table class="stats-table">
                <thead>
                  <tr>
                    <th scope="col">{headers()[0]}</th>
                    <th scope="col">{headers()[1]}</th>
                  </tr>
                </thead>
                <tbody>
                  <Index each={bars()}>
                    {(bar) => (
                      <tr>
                        <th scope="row">{bar().label}</th>
                        <td>{bar().value.toLocaleString()}</td>
                      </tr>
                    )}
                  </Index>
                </tbody>
              </table>
            </Show>
          </details>
        )}
      </Show>
    </figure>
  );
}
