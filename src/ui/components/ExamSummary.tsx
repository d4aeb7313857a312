import { For, Show } from 'solid-js';
import type { ExamPlan, ExamPrediction } from '../../domain/exam-planner';
import ExamChart from './ExamChart';

const percent = (value: number) => `${Math.round(value * 100)}%`;

/** "Mon, Jan 19" for a "YYYY-MM-DD" date (a calendar date: shown as it is, in no time zone). */
export function dateLabel(date: string, long = false): string {
  return new Date(`${date}T00:00:00Z`).toLocaleDateString([], {
    timeZone: 'UTC',
    weekday: long ? 'long' : 'short',
    month: long ? 'long' : 'short',
    day: 'numeric',
  });
}

const cards = (n: number) => `${n} ${n === 1 ? 'card' : 'cards'}`;

function daysText(daysLeft: number): string {
  if (daysLeft === 0) return 'today or past';
  return daysLeft === 1 ? 'tomorrow' : `in ${daysLeft} days`;
}

/** One exam: its prediction, what following the plan would give, and the daily plan as a table. */
export default function ExamSummary(props: {
  plan: ExamPlan;
  prediction: ExamPrediction | null;
  /** Why there is no prediction. */
  problem: string;
  onStudy: () => void;
  onEdit: () => void;
  onDelete: () => void;
}) {
  const id = () => `exam-${props.plan.id}`;
  const target = () => percent(props.plan.target);
  return (
    <section class="exam card-surface" aria-labelledby={`${id()}-name`}>
      <h2 id={`${id()}-name`} class="exam-name">
        {props.plan.name}
      </h2>
      <Show
        when={props.prediction}
        fallback={
          <>
            <p class="muted exam-date">{dateLabel(props.plan.date, true)}</p>
            <p role="alert">{props.problem}</p>
          </>
        }
      >
        {(prediction) => (
          <>
            <p class="muted exam-date">
              {dateLabel(props.plan.date, true)} · {daysText(prediction().daysLeft)} ·{' '}
              {cards(prediction().cardCount)}
            </p>
            <Show
              when={prediction().cardCount > 0}
              fallback={<p>No cards match this exam yet: choose a deck or a tag that has cards.</p>}
            >
              <p class="exam-recall">
                Predicted recall on exam day: <strong>{percent(prediction().predictedRecall)}</strong>
              </p>
              <p>
                {prediction().belowTarget} of {cards(prediction().cardCount)} below {target()}
                <Show when={prediction().unstudied > 0}>
                  {' '}
                  ({prediction().unstudied} never studied, counted as 0% recall)
                </Show>
                .
              </p>
              <Show when={prediction().daysLeft > 0}>
                <p class={prediction().feasible ? 'exam-outcome' : 'exam-outcome exam-outcome-short'}>
                  <Show
                    when={prediction().feasible}
                    fallback={
                      <>
                        Even with this plan the target is out of reach: about{' '}
                        {percent(prediction().projectedRecall)} recall
                        <Show when={prediction().unstarted > 0}>
                          , and {cards(prediction().unstarted)} cannot be started in time
                        </Show>
                        . Study more each day, move the date or lower the target.
                      </>
                    }
                  >
                    Following the plan: about {percent(prediction().projectedRecall)} recall,{' '}
                    {prediction().projectedBelowTarget} below {target()}.
                  </Show>
                </p>
                <button type="button" class="btn btn-primary btn-block" onClick={() => props.onStudy()}>
                  Study today's plan
                </button>
                <ExamChart
                  recallByDay={prediction().recallByDay}
                  target={props.plan.target}
                  label={`Predicted recall by day if you follow the plan, from ${percent(prediction().recallByDay[0]?.recall ?? 0)} today to ${percent(prediction().projectedRecall)} on exam day; the dashed line is your target.`}
                />
                <table class="exam-plan">
                  <caption>
                    Daily plan
                    <Show when={prediction().finalPassDays > 0}>
                      <span class="muted">
                        {' '}
                        · the last {prediction().finalPassDays === 1 ? 'day is' : 'days are'} a final pass
                        over the weakest cards
                      </span>
                    </Show>
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">Date</th>
                      <th scope="col">New</th>
                      <th scope="col">Reviews</th>
                      <th scope="col">Final pass</th>
                    </tr>
                  </thead>
                  <tbody>
                    <For each={prediction().plan}>
                      {(day, i) => (
                        <tr classList={{ 'exam-today': i() === 0 }}>
                          <th scope="row">{i() === 0 ? 'Today' : dateLabel(day.date)}</th>
                          <td>{day.newCards}</td>
                          <td>{day.reviews}</td>
                          <td>{day.finalPass}</td>
                        </tr>
                      )}
                    </For>
                  </tbody>
                </table>
              </Show>
            </Show>
          </>
        )}
      </Show>
      <div class="button-row">
        <button type="button" class="btn btn-small" onClick={() => props.onEdit()}>
          Edit<span class="visually-hidden"> {props.plan.name}</span>
        </button>
        <button type="button" class="btn btn-small btn-ghost" onClick={() => props.onDelete()}>
          Delete<span class="visually-hidden"> {props.plan.name}</span>
        </button>
      </div>
    </section>
  );
}
