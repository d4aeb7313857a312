import { Show } from 'solid-js';
import type { CardSource } from '../../domain/deck-format';

/** Where a card's fact comes from in the review: section, table or figure, references and an excerpt. */
export default function SourceDetails(props: { source: CardSource }) {
  const where = () => [props.source.table, props.source.figure].filter(Boolean).join(', ');
  return (
    <details class="source">
      <summary>
        Source: {props.source.section}
        <Show when={where()}>{(w) => <> · {w()}</>}</Show>
      </summary>
      <blockquote>“{props.source.quote}”</blockquote>
      <Show when={props.source.refs.length > 0}>
        <p>
          {props.source.refs.length === 1 ? 'Reference' : 'References'} {props.source.refs.join(', ')}
        </p>
      </Show>
    </details>
  );
}
