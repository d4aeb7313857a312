import { dailyDeckIds } from '../../domain/queue';
import {
  createEffect,
  createMemo,
  createResource,
  Match,
  on,
  onCleanup,
  onMount,
  Show,
  Switch,
} from 'solid-js';
import { Grade } from '../../domain/types';
import { now } from '../../state/clock';
import { examName, loadExamFocus } from '../../state/create-exam-planner';
import { createStudySession, type DoneInfo } from '../../state/create-study-session';
import CountsLine from '../components/CountsLine';
import Flashcard from '../components/Flashcard';
import GradeButtons from '../components/GradeButtons';
import { useCollection } from '../context';
import { navigate } from '../router';
import TopBar from '../components/TopBar';

const GRADE_KEYS: Record<string, Grade> = {
  '1': Grade.Again,
  '2': Grade.Hard,
  '3': Grade.Good,
  '4': Grade.Easy,
};

function isTyping(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))
  );
}

function whenText(at: number, from: Date): string {
  const time = new Date(at).toLocaleTimeString([], { hour: 'numeric', minute: '2-digit' });
  const minutes = Math.round((at - from.getTime()) / 60_000);
  if (minutes < 1) return 'in less than a minute';
  if (minutes < 60) return `in ${minutes} ${minutes === 1 ? 'minute' : 'minutes'} (at ${time})`;
  const sameDay = new Date(at).toDateString() === from.toDateString();
  if (sameDay) return `today at ${time}`;
  const tomorrow = new Date(from);
  tomorrow.setDate(tomorrow.getDate() + 1);
  if (new Date(at).toDateString() === tomorrow.toDateString()) return `tomorrow at ${time}`;
  return `on ${new Date(at).toLocaleDateString([], { weekday: 'long', month: 'long', day: 'numeric' })}`;
}

function DoneMessage(props: { info: DoneInfo; onHome: () => void; homeLabel: string; exam: boolean }) {
  const at = now();
  return (
    <div class="empty card-surface" role="status">
      <h2>{props.exam ? "Today's plan is done" : 'All done for now'}</h2>
      <Show
        when={!props.info.focused}
        fallback={
          <p>
            {props.info.answeredToday === 0
              ? 'There are no cards to study for the questions you missed.'
              : 'You studied every card of the questions you missed.'}
          </p>
        }
      >
        <p>
          <Show when={props.info.nextDue} fallback="No cards are scheduled yet.">
            {(due) => <>The next card is due {whenText(due(), at)}.</>}
          </Show>
        </p>
      </Show>
      <Show when={props.info.newLimitReached && !props.exam}>
        <p class="muted">
          You reached today's limit of new cards. More come {whenText(props.info.nextDayStart, at)}; you can
          raise the limit in Settings.
        </p>
      </Show>
      <Show when={props.info.reviewLimitReached}>
        <p class="muted">
          You reached today's limit of reviews; the rest wait until {whenText(props.info.nextDayStart, at)}.
          You can raise the limit in Settings.
        </p>
      </Show>
      <button type="button" class="btn btn-primary" onClick={() => props.onHome()}>
        {props.homeLabel}
      </button>
    </div>
  );
}

/**
 * Studying: question, answer, four grades, undo, suspend and bury; keyboard: Space/Enter, 1-4, Z.
 * With `examId`, today's plan of that exam (its cards, today's new cards and final pass); with `quizId`,
 * exactly the cards of that quiz's missed questions.
 */
export default function StudyScreen(props: { deckId: string | null; examId?: string; quizId?: string }) {
  const collection = useCollection();
  // One deck, or daily study: every deck not paused.
  const deckIds = createMemo(() =>
    props.deckId ? new Set([props.deckId]) : dailyDeckIds(collection.decks()),
  );
  // A quiz's missed cards: read once the collection is ready; until then the session shows "loading".
  const [missed] = createResource(
    () => (props.quizId && collection.state() === 'ready' ? props.quizId : false),
    // Loaded only for a quiz's missed cards, so studying a deck does not fetch the quiz code.
    async (quizId) => (await import('../../state/create-quiz')).missedCardIds(collection, quizId),
  );
  const session = createStudySession(
    collection,
    () => deckIds(),
    async () => (props.examId === undefined ? undefined : loadExamFocus(collection, props.examId)),
    () => (props.quizId ? (missed() ?? null) : undefined),
  );
  const [exam] = createResource(
    () => (props.examId !== undefined && collection.state() === 'ready' ? props.examId : false),
    (id) => examName(collection, id),
  );
  const deckTitle = (deckId: string) => collection.decks().find((d) => d.id === deckId)?.title ?? '';
  const title = () => {
    if (props.examId !== undefined) return exam.latest ? `Plan: ${exam.latest}` : "Today's plan";
    if (props.quizId) return 'Missed cards';
    return props.deckId ? deckTitle(props.deckId) || 'Deck not found' : 'All decks';
  };
  const back = () => {
    if (props.examId !== undefined) navigate({ name: 'exam' });
    else if (props.quizId) navigate({ name: 'quiz' });
    else navigate({ name: 'home' });
  };
  const backLabel = () =>
    props.examId !== undefined
      ? 'Back to the exam planner'
      : props.quizId
        ? 'Back to the quiz'
        : 'Back to Home';
  let showAnswerButton: HTMLButtonElement | undefined;
  let cardHeading: HTMLDivElement | undefined;

  createEffect(
    on([() => collection.state(), deckIds, () => props.examId, () => missed()], ([state]) => {
      if (state === 'ready') void session.refresh();
    }),
  );

  // Keep keyboard focus on the card area as it changes, so Space/Enter and 1-4 keep working.
  createEffect(
    on(
      () => [session.phase(), session.card()?.id],
      () => {
        if (session.phase() === 'question') showAnswerButton?.focus({ preventScroll: true });
        else if (session.phase() === 'answer') cardHeading?.focus({ preventScroll: true });
      },
      { defer: true },
    ),
  );

  const onKey = (event: KeyboardEvent) => {
    if (event.defaultPrevented || event.altKey || event.metaKey || isTyping(event.target)) return;
    // A held key repeats: it must not reveal a card and then grade it unseen, or undo again and again.
    if (event.repeat) {
      if (session.phase() === 'question' || session.phase() === 'answer') event.preventDefault();
      return;
    }
    const key = event.key;
    if ((key === 'z' || key === 'Z') && !event.shiftKey) {
      if (session.canUndo()) {
        event.preventDefault();
        void session.undo();
      }
      return;
    }
    if (event.ctrlKey) return;
    const onButton = event.target instanceof HTMLButtonElement || event.target instanceof HTMLAnchorElement;
    if ((key === ' ' || key === 'Enter') && !onButton) {
      event.preventDefault();
      if (session.phase() === 'question') session.reveal();
      else if (session.phase() === 'answer') void session.grade(Grade.Good);
      return;
    }
    const grade = GRADE_KEYS[key];
    if (grade && session.phase() === 'answer') {
      event.preventDefault();
      void session.grade(grade);
    }
  };
  onMount(() => window.addEventListener('keydown', onKey));
  onCleanup(() => window.removeEventListener('keydown', onKey));

  return (
    <>
      <TopBar title={title()} back={{ label: backLabel(), onBack: back }}>
        <button
          type="button"
          class="btn btn-small"
          disabled={!session.canUndo() || session.busy()}
          aria-keyshortcuts="Z Control+Z"
          onClick={() => void session.undo()}
        >
          Undo
        </button>
      </TopBar>
      <main id="main" tabindex="-1" class="study">
        <div class="visually-hidden" aria-live="polite" aria-atomic="true">
          {session.announcement()}
        </div>
        <Show when={session.error()}>
          <div class="banner" role="alert">
            <p>{session.error()}</p>
          </div>
        </Show>
        <Show when={session.notice()}>
          <p class="notice" role="status">
            {session.notice()}
          </p>
        </Show>
        <Switch>
          <Match when={session.phase() === 'loading'}>
            <p class="empty muted">Loading cards…</p>
          </Match>
          <Match when={session.phase() === 'error'}>
            <div class="empty" role="alert">
              <h2>Cards could not be loaded</h2>
              <button type="button" class="btn btn-primary" onClick={() => void session.refresh()}>
                Try again
              </button>
            </div>
          </Match>
          <Match when={session.phase() === 'done' && session.done()}>
            {(info) => (
              <DoneMessage
                info={info()}
                onHome={back}
                homeLabel={props.examId === undefined ? 'Back to decks' : 'Back to the exam planner'}
                exam={props.examId !== undefined}
              />
            )}
          </Match>
          <Match when={session.card()}>
            {(card) => (
              <>
                <div class="progress" aria-label="Left today">
                  <CountsLine counts={session.counts()} />
                </div>
                <div tabindex="-1" ref={cardHeading} class="card-focus">
                  <Flashcard
                    card={card()}
                    revealed={session.phase() === 'answer'}
                    deckTitle={deckTitle(card().deckId)}
                  />
                </div>
                <div class="answer-bar">
                  <Show
                    when={session.phase() === 'answer'}
                    fallback={
                      <button
                        type="button"
                        ref={showAnswerButton}
                        class="btn btn-primary show-answer"
                        aria-keyshortcuts="Space Enter"
                        onClick={() => session.reveal()}
                      >
                        Show answer
                      </button>
                    }
                  >
                    <GradeButtons
                      intervals={session.intervals()}
                      disabled={session.busy()}
                      onGrade={(g) => void session.grade(g)}
                    />
                  </Show>
                  <div class="card-actions">
                    <button
                      type="button"
                      class="btn btn-small btn-ghost"
                      disabled={session.busy()}
                      onClick={() => void session.bury()}
                    >
                      Bury until tomorrow
                    </button>
                    <button
                      type="button"
                      class="btn btn-small btn-ghost"
                      disabled={session.busy()}
                      onClick={() => void session.suspend()}
                    >
                      Suspend card
                    </button>
                  </div>
                </div>
              </>
            )}
          </Match>
        </Switch>
      </main>
    </>
  );
}
