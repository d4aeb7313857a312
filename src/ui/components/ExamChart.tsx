import { onCleanup, onMount } from 'solid-js';

/**
 * Predicted recall by day while following an exam's plan, with the target as a dashed line. uPlot (and its
 * CSS) load only when a chart is shown. The canvas is hidden from screen readers: the caption says what it
 * shows and the plan's table holds the numbers.
 */
export default function ExamChart(props: {
  recallByDay: readonly { date: string; recall: number }[];
  target: number;
  label: string;
}) {
  let box: HTMLDivElement | undefined;
  let accent: HTMLSpanElement | undefined;
  let muted: HTMLSpanElement | undefined;
  let dispose = () => {};
  onCleanup(() => dispose());

  onMount(() => {
    const days = props.recallByDay;
    const target = props.target;
    void (async () => {
      const [{ default: UPlot }] = await Promise.all([import('uplot'), import('uplot/dist/uPlot.min.css')]);
      if (!box || !accent || !muted) return;
      // The theme's colours, resolved (a canvas cannot read CSS variables or light-dark()).
      const line = getComputedStyle(accent).color;
      const text = getComputedStyle(muted).color;
      const xs = days.map((day) => Date.parse(`${day.date}T00:00:00Z`) / 1000);
      const chart = new UPlot(
        {
          width: Math.max(200, box.clientWidth),
          height: 160,
          legend: { show: false },
          cursor: { show: false },
          tzDate: (ts) => UPlot.tzDate(new Date(ts * 1000), 'UTC'),
          scales: { y: { range: [0, 100] } },
          axes: [
            { stroke: text, grid: { show: false }, ticks: { stroke: text }, size: 30 },
            {
              stroke: text,
              size: 40,
              values: (_, ticks) => ticks.map((v) => `${v}%`),
              grid: { stroke: text, width: 0.5 },
              ticks: { show: false },
            },
          ],
          series: [
            {},
            { stroke: line, width: 2, points: { show: false } },
            { stroke: text, width: 1, dash: [4, 4], points: { show: false } },
          ],
        },
        [xs, days.map((day) => Math.round(day.recall * 1000) / 10), xs.map(() => target * 100)],
        box,
      );
      dispose = () => chart.destroy();
    })().catch(() => {
      // Without the chart the table still shows the plan; nothing the learner has to act on.
      if (box) box.hidden = true;
    });
  });

  return (
    <figure class="exam-chart">
      <div ref={box} aria-hidden="true" />
      <span ref={accent} class="exam-chart-line" aria-hidden="true" />
      <span ref={muted} class="exam-chart-text" aria-hidden="true" />
      <figcaption class="muted">{props.label}</figcaption>
    </figure>
  );
}
