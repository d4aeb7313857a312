import { createSignal, For, Show } from 'solid-js';
import {
  QUESTION_COUNTS,
  QUESTION_TYPE_NAMES,
  QUESTION_TYPES,
  type QuestionCount,
  type QuestionType,
  type QuizSelection,
  type QuizSetup,
} from '../../domain/quiz';

export interface DeckChoice {
  id: string;
  title: string;
}

const TIME_LIMITS = [null, 5, 10, 15, 30, 60] as const;

const SELECTIONS: { value: QuizSelection; label: string; hint: string }[] = [
  { value: 'random', label: 'Random', hint: 'Any cards, in random order.' },
  { value: 'weakest', label: 'Weakest first', hint: 'The cards you are least likely to remember now.' },
  { value: 'due-by', label: 'Due by exam day', hint: 'Cards that come due on or before your exam.' },
];

const FEEDBACK: { value: QuizSetup['feedback']; label: string }[] = [
  { value: 'each', label: 'After each question' },
  { value: 'end', label: 'At the end (exam style)' },
];

/** Local "YYYY-MM-DD" of an epoch ms, for a date input. */
function dateValue(at: number): string {
  const d = new Date(at);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** End (last ms) of the local day of a "YYYY-MM-DD" date input value, or null when it is not a date. */
function endOfDay(value: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return null;
  return new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + 1).getTime() - 1;
}

/** The quiz setup: decks, tags, number and types of questions, time limit, selection and feedback. */
export default function QuizSetupForm(props: {
  decks: DeckChoice[];
  tags: string[];
  initial: QuizSetup;
  /** Epoch ms of today, for the exam day's earliest date. */
  today: number;
  busy: boolean;
  onDecksChange: (deckIds: string[]) => void;
  onStart: (setup: QuizSetup) => void;
}) {
  // The form's first values come from `initial`; the form owns its state from then on.
  const [setup, setSetup] = createSignal<QuizSetup>({ ...props.initial });
  const [problem, setProblem] = createSignal('');
  const update = <K extends keyof QuizSetup>(key: K, value: QuizSetup[K]) =>
    setSetup({ ...setup(), [key]: value });
  const toggle = <T,>(list: readonly T[], item: T, on: boolean): T[] =>
    on ? [...list.filter((x) => x !== item), item] : list.filter((x) => x !== item);

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const current = setup();
    if (current.types.length === 0) return setProblem('Choose at least one question type.');
    if (current.selection === 'due-by' && current.examDate === null)
      return setProblem('Choose the day of your exam.');
    setProblem('');
    props.onStart(current);
  };

  return (
    <form class="quiz-setup" onSubmit={submit} aria-describedby={problem() ? 'quiz-problem' : undefined}>
      <fieldset class="field card-surface">
        <legend>Decks</legend>
        <p class="hint">None chosen: every deck.</p>
        <For each={props.decks}>
          {(deck) => (
            <label class="check-row">
              <input
                type="checkbox"
                checked={setup().deckIds.includes(deck.id)}
                onChange={(e) => {
                  const deckIds = toggle(setup().deckIds, deck.id, e.currentTarget.checked);
                  setSetup({ ...setup(), deckIds, tags: [] });
                  props.onDecksChange(deckIds);
                }}
              />
              {deck.title}
            </label>
          )}
        </For>
      </fieldset>
      <Show when={props.tags.length > 0}>
        <details class="field card-surface quiz-tags">
          <summary>
            Tags
            <Show when={setup().tags.length > 0}> ({setup().tags.length} chosen)</Show>
          </summary>
          <fieldset>
            <legend class="visually-hidden">Tags</legend>
            <p class="hint">None chosen: any tag.</p>
            <For each={props.tags}>
              {(tag) => (
                <label class="check-row">
                  <input
                    type="checkbox"
                    checked={setup().tags.includes(tag)}
                    onChange={(e) => update('tags', toggle(setup().tags, tag, e.currentTarget.checked))}
                  />
                  {tag}
                </label>
              )}
            </For>
          </fieldset>
        </details>
      </Show>
      <fieldset class="field card-surface">
        <legend>Number of questions</legend>
        <div class="quiz-segments">
          <For each={QUESTION_COUNTS}>
            {(count) => (
              <label>
                <input
                  type="radio"
                  name="quiz-count"
                  value={String(count)}
                  checked={setup().count === count}
                  onChange={() => update('count', count as QuestionCount)}
                />
                <span>{count === 'all' ? 'All' : count}</span>
              </label>
            )}
          </For>
        </div>
      </fieldset>
      <fieldset class="field card-surface">
        <legend>Question types</legend>
        <For each={QUESTION_TYPES}>
          {(type) => (
            <label class="check-row">
              <input
                type="checkbox"
                checked={setup().types.includes(type)}
                onChange={(e) =>
                  update('types', toggle<QuestionType>(setup().types, type, e.currentTarget.checked))
                }
              />
              {QUESTION_TYPE_NAMES[type]}
            </label>
          )}
        </For>
      </fieldset>
      <fieldset class="field card-surface">
        <legend>Selection</legend>
        <For each={SELECTIONS}>
          {(choice) => (
            <label class="check-row">
              <input
                type="radio"
                name="quiz-selection"
                value={choice.value}
                checked={setup().selection === choice.value}
                onChange={() => update('selection', choice.value)}
              />
              <span>
                {choice.label}
                <span class="hint quiz-choice-hint">{choice.hint}</span>
              </span>
            </label>
          )}
        </For>
        <Show when={setup().selection === 'due-by'}>
          <label for="quiz-exam-day">Exam day</label>
          <input
            id="quiz-exam-day"
            type="date"
            min={dateValue(props.today)}
            value={setup().examDate === null ? '' : dateValue(setup().examDate!)}
            onChange={(e) => update('examDate', endOfDay(e.currentTarget.value))}
          />
        </Show>
      </fieldset>
      <div class="field card-surface">
        <label for="quiz-time-limit">Time limit</label>
        <select
          id="quiz-time-limit"
          value={String(setup().timeLimit ?? '')}
          onChange={(e) =>
            update('timeLimit', e.currentTarget.value === '' ? null : Number(e.currentTarget.value))
          }
        >
          <For each={TIME_LIMITS}>
            {(limit) => (
              <option value={limit ?? ''}>{limit === null ? 'No limit' : `${limit} minutes`}</option>
            )}
          </For>
        </select>
      </div>
      <fieldset class="field card-surface">
        <legend>Feedback</legend>
        <For each={FEEDBACK}>
          {(choice) => (
            <label class="check-row">
              <input
                type="radio"
                name="quiz-feedback"
                value={choice.value}
                checked={setup().feedback === choice.value}
                onChange={() => update('feedback', choice.value)}
              />
              {choice.label}
            </label>
          )}
        </For>
      </fieldset>
      <Show when={problem()}>
        <p class="banner" role="alert" id="quiz-problem">
          {problem()}
        </p>
      </Show>
      <button type="submit" class="btn btn-primary btn-block" disabled={props.busy}>
        Start quiz
      </button>
    </form>
  );
}
