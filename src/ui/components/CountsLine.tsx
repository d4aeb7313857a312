import type { QueueCounts } from '../../domain/queue';

/** New, learning and review counts, coloured as in Anki, with words for screen readers. */
export default function CountsLine(props: { counts: QueueCounts; class?: string }) {
  const cls = (kind: 'new' | 'learning' | 'review') =>
    props.counts[kind] > 0 ? `count-${kind}` : 'count-zero';
  return (
    <p class={`counts ${props.class ?? ''}`}>
      <span class={cls('new')}>
        {props.counts.new} <span class="muted">new</span>
      </span>
      <span class={cls('learning')}>
        {props.counts.learning} <span class="muted">learning</span>
      </span>
      <span class={cls('review')}>
        {props.counts.review} <span class="muted">review</span>
      </span>
    </p>
  );
}
