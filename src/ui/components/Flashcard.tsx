import { For, Show } from 'solid-js';
import { clozeAnswerSegments } from '../../domain/cloze-answer';
import type { CardRecord } from '../../domain/types';
import RichText from './RichText';
import SourceDetails from './SourceDetails';

const KIND_LABEL: Record<CardRecord['kind'], string> = {
  qa: 'Question',
  cloze: 'Fill in the blank',
  ordered: 'Put in order',
  mcq: 'Multiple choice',
};

/** A plain-text cloze back with the filled-in words highlighted (a custom cloze's are bold markdown). */
function ClozeBack(props: { front: string; back: string }) {
  return (
    <span>
      <For each={clozeAnswerSegments(props.front, props.back)}>
        {(segment) => (segment.answer ? <mark class="cloze-answer">{segment.text}</mark> : segment.text)}
      </For>
    </span>
  );
}

/**
 * A card: its front, and when `revealed` its back and source. Plain text stays text; a card with markup is
 * rendered through `RichText`, which sanitizes it.
 */
export default function Flashcard(props: { card: CardRecord; revealed: boolean; deckTitle: string }) {
  return (
    <article class="flashcard card-surface" aria-label="Card">
      <div class="card-meta">
        <span>{props.deckTitle}</span>
        <span>{KIND_LABEL[props.card.kind]}</span>
      </div>
      <h2 class="front" id="card-front" data-card-id={props.card.id}>
        <RichText text={props.card.front} markup={props.card.markup} />
      </h2>
      <Show when={props.revealed}>
        <hr />
        <section aria-label="Answer">
          <div class={props.card.kind === 'cloze' ? 'back cloze-back' : 'back'}>
            <Show
              when={props.card.kind === 'cloze' && props.card.markup === undefined}
              fallback={<RichText text={props.card.back} markup={props.card.markup} />}
            >
              <ClozeBack front={props.card.front} back={props.card.back} />
            </Show>
          </div>
          <Show when={props.card.source}>{(source) => <SourceDetails source={source()} />}</Show>
        </section>
      </Show>
    </article>
  );
}
