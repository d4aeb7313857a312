import { createEffect, createSignal, For, on, onCleanup, onMount, Show } from 'solid-js';
import type { QuizAnswer, QuizQuestion } from '../../domain/quiz';

const LETTERS = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'];

/** "m:ss" of a duration in ms. */
export function clockText(ms: number): string {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLInputElement && target.type === 'text';
}

/**
 * One quiz question: a fieldset whose legend is the question, with radio options (keys 1-4 or A-D choose)
 * or a textbox; Check (feedback after each question), Next, or Finish after the last. Focus moves to the
 * question each time it changes.
 */
export default function QuizQuestionCard(props: {
  question: QuizQuestion;
  index: number;
  total: number;
  /** The checked answer while feedback is shown, else null. */
  answer: QuizAnswer | null;
  feedback: 'each' | 'end';
  /** Time spent, and the limit in minutes (null: none). */
  elapsed: number;
  timeLimit: number | null;
  busy: boolean;
  onSubmit: (given: string) => void;
  onNext: () => void;
  onEnd: () => void;
}) {
  const [given, setGiven] = createSignal('');
  const [problem, setProblem] = createSignal('');
  let heading: HTMLHeadingElement | undefined;
  let nextButton: HTMLButtonElement | undefined;

  createEffect(
    on(
      () => props.question.id,
      () => {
        setGiven('');
        setProblem('');
        heading?.focus();
      },
    ),
  );
  createEffect(
    on(
      () => props.answer,
      (answer) => {
        if (answer) nextButton?.focus();
      },
      { defer: true },
    ),
  );

  const last = () => props.index + 1 >= props.total;
  const checking = () => props.answer !== null;
  const submit = () => {
    if (given().trim() === '') {
      setProblem(props.question.type === 'typed' ? 'Type an answer first.' : 'Choose an answer first.');
      return;
    }
    setProblem('');
    props.onSubmit(given());
  };
  const primary = () => {
    if (checking()) props.onNext();
    else submit();
  };
  const primaryLabel = () => {
    if (props.feedback === 'each' && !checking()) return 'Check';
    return last() ? 'Finish' : 'Next';
  };

  const onKey = (event: KeyboardEvent) => {
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || isTyping(event.target))
      return;
    if (checking() || props.question.type === 'typed') return;
    const key = event.key.toUpperCase();
    const byNumber = /^[1-8]$/.test(key) ? Number(key) - 1 : -1;
    const choice = byNumber >= 0 ? byNumber : LETTERS.indexOf(key);
    if (choice < 0 || choice >= props.question.options.length) return;
    event.preventDefault();
    setGiven(String(choice));
    document.getElementById(`quiz-option-${choice}`)?.focus();
  };
  onMount(() => window.addEventListener('keydown', onKey));
  onCleanup(() => window.removeEventListener('keydown', onKey));

  const percent = () => Math.round(((props.index + (checking() ? 1 : 0)) / props.total) * 100);

  return (
    <form
      class="quiz-question"
      onSubmit={(e) => {
        e.preventDefault();
        primary();
      }}
    >
      <div class="quiz-status">
        <div
          class="quiz-progress"
          role="progressbar"
          aria-label="Quiz progress"
          aria-valuemin="0"
          aria-valuemax={props.total}
          aria-valuenow={props.index + (checking() ? 1 : 0)}
          aria-valuetext={`${percent()}%: question ${props.index + 1} of ${props.total}`}
        >
          <svg viewBox="0 0 100 6" preserveAspectRatio="none" aria-hidden="true">
            <rect class="quiz-progress-track" width="100" height="6" rx="3" />
            <rect class="quiz-progress-bar" width={percent()} height="6" rx="3" />
          </svg>
        </div>
        <Show when={props.timeLimit}>
          {(limit) => (
            <p class="quiz-timer" role="timer" aria-label="Time left">
              {clockText(limit() * 60_000 - props.elapsed)}
            </p>
          )}
        </Show>
      </div>
      <h2 class="quiz-count" tabindex="-1" ref={heading}>
        Question {props.index + 1} of {props.total}
      </h2>
      <fieldset class="quiz-fieldset card-surface" disabled={checking()}>
        <legend>
          <Show when={props.question.type === 'true-false'}>
            <span class="quiz-kind">True or false?</span>{' '}
          </Show>
          {props.question.prompt}
          <Show when={props.question.statement}>
            {(statement) => <span class="quiz-statement">Answer: {statement()}</span>}
          </Show>
        </legend>
        <Show
          when={props.question.type !== 'typed'}
          fallback={
            <>
              <label for="quiz-typed" class="quiz-typed-label">
                Your answer
              </label>
              <input
                id="quiz-typed"
                type="text"
                autocomplete="off"
                autocapitalize="off"
                spellcheck={false}
                value={given()}
                onInput={(e) => setGiven(e.currentTarget.value)}
              />
            </>
          }
        >
          <div class="quiz-options">
            <For each={props.question.options}>
              {(option, i) => (
                <label
                  class="quiz-option"
                  classList={{
                    'quiz-option-right': checking() && i() === props.question.answerIndex,
                    'quiz-option-wrong':
                      checking() && String(i()) === props.answer?.given && !props.answer.correct,
                  }}
                >
                  <input
                    id={`quiz-option-${i()}`}
                    type="radio"
                    name={`quiz-${props.question.id}`}
                    value={String(i())}
                    checked={given() === String(i())}
                    onChange={() => setGiven(String(i()))}
                  />
                  <span class="quiz-key" aria-hidden="true">
                    {LETTERS[i()]}
                  </span>
                  <span>{option}</span>
                </label>
              )}
            </For>
          </div>
        </Show>
      </fieldset>
      <Show when={problem()}>
        <p class="quiz-problem" role="alert">
          {problem()}
        </p>
      </Show>
      <div role="status" class="quiz-feedback-region">
        <Show when={props.answer}>
          {(answer) => (
            <div class="quiz-feedback card-surface" classList={{ 'quiz-feedback-right': answer().correct }}>
              <p class="quiz-verdict">{answer().correct ? 'Right.' : 'Not quite.'}</p>
              <Show when={!answer().correct || props.question.type === 'typed'}>
                <p>
                  <span class="muted">Answer: </span>
                  {props.question.answerText}
                </p>
              </Show>
            </div>
          )}
        </Show>
      </div>
      <div class="quiz-actions">
        <button
          type="submit"
          ref={nextButton}
          class="btn btn-primary btn-block"
          disabled={props.busy}
          aria-keyshortcuts={props.question.type === 'typed' ? 'Enter' : '1 2 3 4 A B C D Enter'}
        >
          {primaryLabel()}
        </button>
        <button
          type="button"
          class="btn btn-small btn-ghost"
          disabled={props.busy}
          onClick={() => props.onEnd()}
        >
          End quiz now
        </button>
      </div>
    </form>
  );
}
