import { For, Show } from 'solid-js';
import type { CardSource } from '../../domain/deck-format';
import type { QuizQuestion, QuizScore, TopicScore } from '../../domain/quiz';
import SourceDetails from './SourceDetails';
import TopicBars from './TopicBars';
import TrendChart, { type TrendPoint } from './TrendChart';

export interface MissedItem {
  question: QuizQuestion;
  /** What the learner answered, as text; empty when the question was not answered. */
  given: string;
  source?: CardSource | undefined;
}

/** "3 min 12 s" of a duration in ms. */
function durationText(ms: number): string {
  const seconds = Math.round(ms / 1000);
  const minutes = Math.floor(seconds / 60);
  return minutes > 0 ? `${minutes} min ${seconds % 60} s` : `${seconds} s`;
}

/** A finished quiz (the screen's heading says "Score"): the score, the time taken, the breakdown by topic, missed questions and the trend. */
export default function QuizResults(props: {
  score: QuizScore;
  elapsedMs: number;
  topics: TopicScore[];
  missed: MissedItem[];
  trend: TrendPoint[];
  busy: boolean;
  onStudyMissed: () => void;
  onNewQuiz: () => void;
}) {
  return (
    <section class="quiz-results" aria-label="Results">
      <div class="quiz-score card-surface">
        <p class="quiz-score-value">
          <span>
            {props.score.correct} / {props.score.total}
          </span>
          <span class="quiz-score-percent">{props.score.percent}%</span>
        </p>
        <p class="muted">Time taken: {durationText(props.elapsedMs)}</p>
      </div>
      <h2 class="section-title">By topic</h2>
      <div class="card-surface quiz-panel">
        <TopicBars topics={props.topics} />
      </div>
      <h2 class="section-title">Missed questions</h2>
      <Show
        when={props.missed.length > 0}
        fallback={<p class="card-surface quiz-panel">You missed none. Well done.</p>}
      >
        <ol class="quiz-missed">
          <For each={props.missed}>
            {(item) => (
              <li class="card-surface">
                <p class="quiz-missed-question">
                  {item.question.prompt}
                  <Show when={item.question.statement}>
                    {(statement) => <span class="quiz-statement">Answer: {statement()}</span>}
                  </Show>
                </p>
                <p>
                  <span class="muted">Your answer: </span>
                  {item.given || 'not answered'}
                </p>
                <p>
                  <span class="muted">Right answer: </span>
                  {item.question.answerText}
                </p>
                <Show when={item.source}>{(source) => <SourceDetails source={source()} />}</Show>
              </li>
            )}
          </For>
        </ol>
        <button
          type="button"
          class="btn btn-primary btn-block"
          disabled={props.busy}
          onClick={() => props.onStudyMissed()}
        >
          Study missed cards now
        </button>
      </Show>
      <h2 class="section-title">Your quizzes</h2>
      <div class="card-surface quiz-panel">
        <TrendChart points={props.trend} />
      </div>
      <button type="button" class="btn btn-block quiz-again" onClick={() => props.onNewQuiz()}>
        New quiz
      </button>
    </section>
  );
}
