import { createSignal, Show } from 'solid-js';
import type { OptimizerHistory, OptimizerPhase } from '../../state/create-optimizer';
import type { OptimizeResult } from '../../workers/optimizer-client';
import { plural } from '../plural';
import RescheduleChoice from './RescheduleChoice';

/** Settings → FSRS parameters: the Optimize button, its progress, the before/after figures and Apply. */
export default function OptimizePanel(props: {
  phase: OptimizerPhase;
  progress: number | null;
  status: string;
  result: OptimizeResult | null;
  history: OptimizerHistory | undefined;
  /** The learner has optimized before (the scheduler uses their own weights). */
  own: boolean;
  disabled: boolean;
  onOptimize: () => void;
  onCancel: () => void;
  onApply: (reschedule: boolean) => void;
}) {
  const [reschedule, setReschedule] = createSignal(false);
  const busy = () => props.phase === 'reading' || props.phase === 'training' || props.phase === 'applying';
  const figure = (value: number) => value.toFixed(4);
  const percent = (value: number) => `${(value * 100).toFixed(2)}%`;
  return (
    <div class="card-surface optimize-panel">
      <p class="hint">
        FSRS predicts when you will forget each card. Optimize fits its parameters to your own reviews, as
        Anki does, and shows how well the current and the new ones predict them. New parameters are applied
        only if they predict better.{' '}
        {props.own ? 'You are using your own parameters.' : 'You are using the defaults.'}
      </p>
      <Show when={props.history}>
        {(history) => (
          <p class="hint optimize-history">
            {plural(history().reviews, 'review')} in total
            {history().at !== undefined
              ? `, ${history().since.toLocaleString()} since you last optimized on ${new Date(history().at ?? 0).toLocaleDateString()}.`
              : '.'}
            <Show when={history().suggested}>
              {' '}
              <strong>
                {history().at === undefined ? 'Optimizing is suggested' : 'Optimizing again is suggested'}
              </strong>{' '}
              (every 1,000 reviews).
            </Show>
          </p>
        )}
      </Show>
      <button
        type="button"
        class="btn"
        disabled={props.disabled || busy()}
        onClick={() => props.onOptimize()}
      >
        Optimize
      </button>
      <Show when={props.phase === 'reading' || props.phase === 'training'}>
        <button type="button" class="btn" onClick={() => props.onCancel()}>
          Cancel
        </button>
      </Show>
      <Show when={busy()}>
        <Show
          when={props.progress !== null}
          fallback={<progress class="optimize-progress" aria-label="Optimization progress" />}
        >
          <progress
            class="optimize-progress"
            max="1"
            value={props.progress ?? 0}
            aria-label="Optimization progress"
          />
        </Show>
      </Show>
      <p role="status" class="optimize-status">
        {props.status}
      </p>
      <Show when={props.result}>
        {(result) => (
          <>
            <table class="optimize-figures">
              <caption>
                Prediction error (lower is better) on the {result().before.reviews.toLocaleString()} reviews
                made a day or more after the card's review before
              </caption>
              <thead>
                <tr>
                  <th scope="col" />
                  <th scope="col">Current</th>
                  <th scope="col">New</th>
                </tr>
              </thead>
              <tbody>
                <tr>
                  <th scope="row">Log loss</th>
                  <td>{figure(result().before.logLoss)}</td>
                  <td>{figure(result().after.logLoss)}</td>
                </tr>
                <tr>
                  <th scope="row">RMSE</th>
                  <td>{percent(result().before.rmse)}</td>
                  <td>{percent(result().after.rmse)}</td>
                </tr>
              </tbody>
            </table>
            <Show when={result().better && props.phase === 'result'}>
              <RescheduleChoice
                id="hint-optimize-reschedule"
                checked={reschedule()}
                what="Every card's memory is replayed from its reviews with the new parameters."
                onChange={setReschedule}
              />
              <button type="button" class="btn btn-primary" onClick={() => props.onApply(reschedule())}>
                Apply new parameters
              </button>
            </Show>
          </>
        )}
      </Show>
    </div>
  );
}
