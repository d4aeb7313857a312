import { For, Show } from 'solid-js';
import { formatInterval } from '../../domain/scheduler';
import { CardState, GRADE_NAMES, type CardRecord } from '../../domain/types';
import { isLeech } from '../../domain/leech';
import type { CardInfo as Info } from '../../state/card-info';
import '../styles/card-info.css';

const dateTime = (ms: number) => new Date(ms).toLocaleString([], { dateStyle: 'medium', timeStyle: 'short' });

const STATE_NAMES: Record<CardState, string> = {
  [CardState.New]: 'New',
  [CardState.Learning]: 'Learning',
  [CardState.Review]: 'Review',
  [CardState.Relearning]: 'Relearning',
};

/** When the card comes due next, in words. */
function nextDue(card: CardRecord): string {
  if (card.kind === 'mcq') return 'Never: quiz items are not scheduled.';
  if (card.fsrs.state === CardState.New) return 'Not yet: the card is new.';
  const due = dateTime(card.fsrs.due.getTime());
  if (card.suspended) return `${due}, but the card is suspended${isLeech(card) ? ' (a leech)' : ''}.`;
  return due;
}

/** A card's schedule now and every review it has had: date, grade, interval, stability, difficulty, recall. */
export default function CardInfo(props: { info: Info }) {
  const card = () => props.info.card;
  const resetAt = () => card().resetAt;
  return (
    <div class="card-info">
      <dl class="card-info-facts">
        <div>
          <dt>Next due</dt>
          <dd>{nextDue(card())}</dd>
        </div>
        <div>
          <dt>State</dt>
          <dd>{STATE_NAMES[card().fsrs.state]}</dd>
        </div>
        <div>
          <dt>Reviews</dt>
          <dd>{props.info.history.length}</dd>
        </div>
        <div>
          <dt>Lapses</dt>
          <dd>{card().fsrs.lapses}</dd>
        </div>
      </dl>
      <Show when={props.info.history.length > 0} fallback={<p class="muted">No reviews yet.</p>}>
        <Show when={resetAt()}>
          {(at) => (
            <p class="muted">Reset to new on {dateTime(at())}: the reviews before it are kept as history.</p>
          )}
        </Show>
        <ol class="history" aria-label="Review history">
          <For each={props.info.history}>
            {(entry) => (
              <li>
                <p class="history-head">
                  <span>
                    {dateTime(entry.time)}
                    <Show when={entry.beforeReset}>
                      <span class="muted"> · before the reset</span>
                    </Show>
                  </span>
                  <strong class={`grade-${entry.grade}`}>{GRADE_NAMES[entry.grade]}</strong>
                </p>
                <dl class="history-facts">
                  <div>
                    <dt>Interval</dt>
                    <dd>{formatInterval(new Date(entry.time), entry.after.due)}</dd>
                  </div>
                  <div>
                    <dt>Stability</dt>
                    <dd>{`${entry.after.stability.toFixed(1)}d`}</dd>
                  </div>
                  <div>
                    <dt>Difficulty</dt>
                    <dd>{entry.after.difficulty.toFixed(1)}</dd>
                  </div>
                  <div>
                    <dt>Recall</dt>
                    <dd>
                      {entry.retrievability === null ? 'new' : `${Math.round(entry.retrievability * 100)}%`}
                    </dd>
                  </div>
                </dl>
              </li>
            )}
          </For>
        </ol>
        <p class="hint">
          Interval: the time until the review after it. Stability: days until recall falls to 90%. Difficulty:
          1 to 10. Recall: the chance of remembering that was predicted at the review.
        </p>
      </Show>
    </div>
  );
}
