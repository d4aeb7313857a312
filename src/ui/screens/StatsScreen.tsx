import { createMemo, createSignal, For, Index, Match, Show, Switch } from 'solid-js';
import {
  retentionOf,
  type Bucket,
  type PassFail,
  type RetentionPeriod,
  type Stats,
} from '../../domain/stats';
import { GRADE_NAMES, GRADES } from '../../domain/types';
import { createStats } from '../../state/create-stats';
import ReviewHeatmap, { dateLabel } from '../components/ReviewHeatmap';
import StatsBarChart, { type ChartBar } from '../components/StatsBarChart';
import TopBar from '../components/TopBar';
import { useCollection } from '../context';
import { plural } from '../plural';
import { navigate } from '../router';
import '../styles/stats.css';

const PERIOD_NAMES: Record<RetentionPeriod, string> = {
  today: 'Today',
  yesterday: 'Yesterday',
  week: 'Last 7 days',
  month: 'Last 30 days',
  year: 'Last year',
};

const percent = (share: number, digits = 0) => `${(share * 100).toFixed(digits)}%`;

/** "45 s", "12 min", "1 h 5 min". */
function durationText(ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

const sum = (values: readonly number[]) => values.reduce((total, n) => total + n, 0);

/** A retention cell: the share, and the counts it comes from. */
function RetentionCell(props: { counts: PassFail }) {
  const share = () => retentionOf(props.counts);
  return (
    <td>
      <Show when={share() !== null} fallback={<span class="muted">–</span>}>
        {percent(share() ?? 0, 1)}
        {/* "12,345 of 13,456" wraps at its spaces, so a heavy learner's counts fit a phone's width. */}
        <span class="stats-sub">
          {props.counts.passed.toLocaleString()} of{' '}
          {(props.counts.passed + props.counts.failed).toLocaleString()}
        </span>
      </Show>
    </td>
  );
}

/** The future-due chart's bars: a day each for 30 and 90 days, a week each for a year. */
function futureBars(stats: Stats, range: number): ChartBar[] {
  const days = stats.futureDue.days.slice(0, range);
  if (range <= 90) {
    return days.map((value, i) => ({
      value,
      label: i === 0 ? 'Today (with the backlog)' : i === 1 ? 'Tomorrow' : dateLabel(stats.today + i),
      tick: i === 0 ? 'Today' : i % (range === 30 ? 7 : 14) === 0 ? `+${i}d` : undefined,
    }));
  }
  return Array.from({ length: Math.ceil(days.length / 7) }, (_, w) => ({
    value: sum(days.slice(w * 7, w * 7 + 7)),
    label: w === 0 ? 'This week (with the backlog)' : `Week of ${dateLabel(stats.today + w * 7)}`,
    tick: w % 8 === 0 ? (w === 0 ? 'Now' : `+${w}w`) : undefined,
  }));
}

/** Bars of a histogram by tenths (0-10% … 90-100%), every other one labelled under the axis. */
const tenthBars = (buckets: readonly Bucket[]): ChartBar[] =>
  buckets.map((b, i) => ({ label: b.label, tick: i % 2 === 0 ? `${i * 10}%` : undefined, value: b.count }));

/** The bucket with the most cards, for a chart's summary. */
const busiest = (buckets: readonly Bucket[]) =>
  buckets.reduce((best, b) => (b.count > best.count ? b : best), buckets[0] ?? { label: '', count: 0 });

/** The Stats screen (issue 13): what the learner has done and what is coming, for all decks or one. */
export default function StatsScreen() {
  const collection = useCollection();
  const state = createStats(collection);
  const [range, setRange] = createSignal<30 | 90 | 365>(30);
  const stats = () => state.stats();
  const deckTitle = createMemo(
    () => collection.decks().find((deck) => deck.id === state.deckId())?.title ?? 'all decks',
  );
  /** No review and no card ever studied in the selection. */
  const empty = (s: Stats) => s.reviews === 0 && s.counts.learning + s.counts.young + s.counts.mature === 0;

  return (
    <>
      <TopBar title="Stats" />
      <main id="main" tabindex="-1" class="stats-screen">
        <div class="field stats-deck">
          <label for="stats-deck">Deck</label>
          <select
            id="stats-deck"
            value={state.deckId() ?? ''}
            onChange={(event) => state.setDeckId(event.currentTarget.value || null)}
          >
            <option value="">All decks</option>
            <For each={collection.decks()}>{(deck) => <option value={deck.id}>{deck.title}</option>}</For>
          </select>
        </div>
        <Show when={state.error()}>
          <div class="banner" role="alert">
            <p>{state.error()}</p>
          </div>
        </Show>
        <p class="visually-hidden" role="status">
          {state.progress() === 'stale'
            ? 'Computing your statistics…'
            : state.progress() === 'partial'
              ? `Statistics of ${deckTitle()}: reading older reviews…`
              : stats()
                ? `Statistics of ${deckTitle()} are up to date.`
                : ''}
        </p>
        <Switch>
          <Match when={!stats() && !state.error()}>
            <p class="empty muted">Computing your statistics…</p>
          </Match>
          <Match when={stats() && empty(stats()!) ? stats() : undefined}>
            <div class="empty">
              <h2>No reviews yet</h2>
              <p class="muted">Study a few cards and your statistics appear here.</p>
              <button
                type="button"
                class="btn btn-primary"
                onClick={() => navigate({ name: 'study', deckId: state.deckId() })}
              >
                Study now
              </button>
            </div>
          </Match>
          <Match when={stats()}>
            {(s) => (
              <div
                class="stats-sections"
                classList={{ 'stats-stale': state.progress() === 'stale' }}
                data-complete={state.progress() === 'done' ? '' : undefined}
              >
                <Show when={state.progress() === 'partial'}>
                  <p class="muted stats-note stats-reading" aria-hidden="true">
                    Reading older reviews… The year's figures fill in as they are read.
                  </p>
                </Show>
                <section class="card-surface stats-section" aria-labelledby="stats-today">
                  <h2 id="stats-today">Today</h2>
                  <dl class="stats-figures">
                    <div>
                      <dt>Cards studied</dt>
                      <dd>{s().day.cards.toLocaleString()}</dd>
                    </div>
                    <div>
                      <dt>Reviews</dt>
                      <dd>{s().day.reviews.toLocaleString()}</dd>
                    </div>
                    <div>
                      <dt>Time spent</dt>
                      <dd>
                        <Show when={s().day.timedReviews > 0} fallback={<span class="muted">–</span>}>
                          {durationText(s().day.timeMs)}
                        </Show>
                      </dd>
                    </div>
                    <div>
                      <dt>Again</dt>
                      <dd>{s().day.again.toLocaleString()}</dd>
                    </div>
                    <div>
                      <dt>Correct</dt>
                      <dd>{s().day.correct === null ? '–' : percent(s().day.correct ?? 0)}</dd>
                    </div>
                  </dl>
                  <Show when={s().day.timedReviews < s().day.reviews && s().day.timedReviews > 0}>
                    <p class="muted stats-note">
                      Time is counted for the {plural(s().day.timedReviews, 'review')} that recorded it.
                    </p>
                  </Show>
                </section>

                <section class="card-surface stats-section" aria-labelledby="stats-retention">
                  <h2 id="stats-retention">True retention</h2>
                  <p class="muted stats-note">
                    Reviews of graduated cards answered Hard, Good or Easy. Young cards have an interval under
                    21 days. Desired retention: <strong>{percent(s().desiredRetention)}</strong>.
                  </p>
                  <table class="stats-table stats-retention">
                    <thead>
                      <tr>
                        <th scope="col">Period</th>
                        <th scope="col">Young</th>
                        <th scope="col">Mature</th>
                        <th scope="col">All</th>
                      </tr>
                    </thead>
                    <tbody>
                      <Index each={s().retention}>
                        {(row) => (
                          <tr>
                            <th scope="row">{PERIOD_NAMES[row().period]}</th>
                            <RetentionCell counts={row().young} />
                            <RetentionCell counts={row().mature} />
                            <RetentionCell
                              counts={{
                                passed: row().young.passed + row().mature.passed,
                                failed: row().young.failed + row().mature.failed,
                              }}
                            />
                          </tr>
                        )}
                      </Index>
                    </tbody>
                  </table>
                </section>

                <section class="card-surface stats-section" aria-labelledby="stats-future">
                  <h2 id="stats-future">Future due</h2>
                  <div class="stats-range" role="group" aria-label="Days ahead">
                    <For each={[30, 90, 365] as const}>
                      {(days) => (
                        <button
                          type="button"
                          class="btn btn-small"
                          aria-pressed={range() === days}
                          onClick={() => setRange(days)}
                        >
                          {days === 365 ? '1 year' : `${days} days`}
                        </button>
                      )}
                    </For>
                  </div>
                  <StatsBarChart
                    bars={futureBars(s(), range())}
                    table={[range() === 365 ? 'Week' : 'Day', 'Cards due']}
                    summary={`${plural(sum(s().futureDue.days.slice(0, range())), 'card')} due in the next ${
                      range() === 365 ? 'year' : `${range()} days`
                    }: ${(s().futureDue.days[0] ?? 0).toLocaleString()} today, including a backlog of ${s().futureDue.overdue.toLocaleString()} overdue.`}
                  />
                </section>

                <section class="card-surface stats-section" aria-labelledby="stats-calendar">
                  <h2 id="stats-calendar">Review calendar</h2>
                  <p class="stats-streak">
                    Current streak: <strong>{plural(s().calendar.streak, 'day')}</strong>
                  </p>
                  <ReviewHeatmap
                    firstDay={s().calendar.firstDay}
                    days={s().calendar.days}
                    summary={`Reviews on ${plural(s().calendar.daysStudied, 'day')} of the last 365, ${plural(
                      s().reviews,
                      'review',
                    )} in all.${(() => {
                      const days = s().calendar.days;
                      const most = Math.max(0, ...days);
                      return most > 0
                        ? ` Busiest day: ${dateLabel(s().calendar.firstDay + days.indexOf(most))}, ${plural(most, 'review')}.`
                        : '';
                    })()}`}
                  />
                </section>

                <section class="card-surface stats-section" aria-labelledby="stats-counts">
                  <h2 id="stats-counts">Card counts</h2>
                  <ul class="stats-counts">
                    <For
                      each={
                        [
                          ['new', 'New'],
                          ['learning', 'Learning'],
                          ['young', 'Young'],
                          ['mature', 'Mature'],
                          ['suspended', 'Suspended'],
                          ['buried', 'Buried'],
                        ] as const
                      }
                    >
                      {([key, name]) => (
                        <li>
                          <span class={`stats-swatch swatch-${key}`} aria-hidden="true" />
                          <span>{name}</span>
                          <strong>{s().counts[key].toLocaleString()}</strong>
                        </li>
                      )}
                    </For>
                  </ul>
                </section>

                <section class="card-surface stats-section" aria-labelledby="stats-distributions">
                  <h2 id="stats-distributions">Memory (FSRS)</h2>
                  <Show
                    when={s().distributions.meanRetrievability !== null}
                    fallback={<p class="muted">Cards appear here once you have studied them.</p>}
                  >
                    <h3>Stability</h3>
                    <StatsBarChart
                      bars={s().distributions.stability.map((b) => ({
                        label: b.label,
                        tick: b.label,
                        value: b.count,
                      }))}
                      table={['Stability', 'Cards']}
                      tone="bar-good"
                      summary={`Days until recall falls to 90%. Most cards (${busiest(s().distributions.stability).count.toLocaleString()}): ${busiest(s().distributions.stability).label}.`}
                    />
                    <h3>Difficulty</h3>
                    <StatsBarChart
                      bars={tenthBars(s().distributions.difficulty)}
                      table={['Difficulty', 'Cards']}
                      tone="bar-hard"
                      summary={`Most cards (${busiest(s().distributions.difficulty).count.toLocaleString()}) have a difficulty of ${busiest(s().distributions.difficulty).label}.`}
                    />
                    <h3>Retrievability</h3>
                    <StatsBarChart
                      bars={tenthBars(s().distributions.retrievability)}
                      table={['Retrievability', 'Cards']}
                      tone="bar-accent"
                      summary={`The chance of recalling each card now. Average: ${percent(s().distributions.meanRetrievability ?? 0)}.`}
                    />
                  </Show>
                </section>

                <section class="card-surface stats-section" aria-labelledby="stats-answers">
                  <h2 id="stats-answers">Answer buttons</h2>
                  <p class="muted stats-note">Answers of the last year.</p>
                  <For
                    each={
                      [
                        ['Learning', s().answers.learning],
                        ['Review', s().answers.review],
                      ] as const
                    }
                  >
                    {([name, counts]) => {
                      const total = () => sum(counts);
                      return (
                        <div class="stats-answers">
                          <h3>
                            {name} <span class="muted">({plural(total(), 'answer')})</span>
                          </h3>
                          <svg
                            class="stats-stack"
                            viewBox="0 0 100 8"
                            preserveAspectRatio="none"
                            aria-hidden="true"
                          >
                            <For each={GRADES}>
                              {(grade, i) => (
                                <rect
                                  class={`grade-${GRADE_NAMES[grade].toLowerCase()}`}
                                  x={total() ? (sum(counts.slice(0, i())) / total()) * 100 : 0}
                                  y="0"
                                  width={total() ? ((counts[i()] ?? 0) / total()) * 100 : 0}
                                  height="8"
                                />
                              )}
                            </For>
                          </svg>
                          <ul class="stats-grades">
                            <For each={GRADES}>
                              {(grade, i) => (
                                <li>
                                  <span
                                    class={`stats-swatch grade-${GRADE_NAMES[grade].toLowerCase()}`}
                                    aria-hidden="true"
                                  />
                                  {GRADE_NAMES[grade]}{' '}
                                  <strong>{total() ? percent((counts[i()] ?? 0) / total()) : '–'}</strong>{' '}
                                  <span class="muted">({(counts[i()] ?? 0).toLocaleString()})</span>
                                </li>
                              )}
                            </For>
                          </ul>
                        </div>
                      );
                    }}
                  </For>
                </section>
              </div>
            )}
          </Match>
        </Switch>
      </main>
    </>
  );
}
