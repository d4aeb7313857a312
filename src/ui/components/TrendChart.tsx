import { createEffect, createSignal, onCleanup, Show } from 'solid-js';

export interface TrendPoint {
  /** Epoch ms when the quiz was finished. */
  at: number;
  percent: number;
}

/** The color a CSS class gives an element, resolved (custom properties and light-dark() included). */
function colorOf(parent: HTMLElement, className: string): string {
  const probe = document.createElement('span');
  probe.className = className;
  parent.append(probe);
  const color = getComputedStyle(probe).color;
  probe.remove();
  return color;
}

/**
 * Scores of past quizzes as a line chart, drawn by uPlot (loaded on first use). The same scores are given as
 * text for screen readers, and shown as text if the chart cannot load.
 */
export default function TrendChart(props: { points: TrendPoint[] }) {
  let container!: HTMLDivElement;
  const [failed, setFailed] = createSignal(false);
  const summary = () =>
    props.points
      .map(
        (p) => `${new Date(p.at).toLocaleDateString([], { month: 'short', day: 'numeric' })}: ${p.percent}%`,
      )
      .join(', ');

  createEffect(() => {
    const points = props.points;
    let disposed = false;
    let destroy: (() => void) | undefined;
    onCleanup(() => {
      disposed = true;
      destroy?.();
    });
    void Promise.all([import('uplot'), import('uplot/dist/uPlot.min.css')]).then(
      ([{ default: UPlot }]) => {
        if (disposed) return;
        const line = colorOf(container, 'trend-line-color');
        const text = colorOf(container, 'trend-text-color');
        const grid = colorOf(container, 'trend-grid-color');
        const axis = { stroke: text, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid, width: 1 } };
        const chart = new UPlot(
          {
            width: Math.max(240, container.clientWidth),
            height: 180,
            legend: { show: false },
            cursor: { show: false },
            // Quizzes are numbered 1..n; half a step of room either side, so a single quiz is not on the edge.
            scales: { x: { time: false, range: [0.5, points.length + 0.5] }, y: { range: [0, 100] } },
            axes: [
              {
                ...axis,
                incrs: [1, 2, 5, 10, 20, 50, 100],
                values: (_u, ticks) => ticks.map((t) => (Number.isInteger(t) && t >= 1 ? `#${t}` : '')),
              },
              { ...axis, values: (_u, ticks) => ticks.map((t) => `${t}%`), size: 48 },
            ],
            series: [
              {},
              { label: 'Score', stroke: line, width: 2, points: { show: true, size: 8, fill: line } },
            ],
          },
          [points.map((_, i) => i + 1), points.map((p) => p.percent)],
          container,
        );
        destroy = () => chart.destroy();
      },
      () => setFailed(true),
    );
  });

  return (
    <figure class="trend">
      <div ref={container} class="trend-chart" aria-hidden="true" />
      <figcaption classList={{ 'visually-hidden': !failed() }}>
        <Show when={props.points.length > 0}>Scores of your quizzes, oldest first: {summary()}.</Show>
      </figcaption>
    </figure>
  );
}
