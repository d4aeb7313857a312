import {
  createEffect,
  createMemo,
  createResource,
  createSignal,
  Match,
  on,
  onMount,
  Show,
  Switch,
} from 'solid-js';
import {
  DEFAULT_QUIZ_SETUP,
  missedQuestions,
  scoreQuiz,
  topicBreakdown,
  TRUE_FALSE_OPTIONS,
  type QuizAnswer,
  type QuizQuestion,
  type QuizSetup,
} from '../../domain/quiz';
import { now } from '../../state/clock';
import { cardSources, createQuiz, quizTags } from '../../state/create-quiz';
import QuizQuestionCard from '../components/QuizQuestionCard';
import QuizResults, { type MissedItem } from '../components/QuizResults';
import QuizSetupForm from '../components/QuizSetupForm';
import TopBar from '../components/TopBar';
import { useCollection } from '../context';
import { navigate } from '../router';
import '../styles/quiz.css';

/** What an answer said, in words: the chosen option, True or False, or the text typed. */
function givenText(question: QuizQuestion, answer: QuizAnswer | undefined): string {
  if (!answer) return '';
  if (question.type === 'typed') return answer.given;
  const options = question.type === 'true-false' ? TRUE_FALSE_OPTIONS : question.options;
  return options[Number(answer.given)] ?? '';
}

/** Quiz mode: the setup (or resuming a quiz left unfinished), the questions, and the results. */
export default function QuizScreen() {
  const collection = useCollection();
  const quiz = createQuiz(collection);
  const [deckIds, setDeckIds] = createSignal<string[]>([]);
  const [setup, setSetup] = createSignal<QuizSetup>(DEFAULT_QUIZ_SETUP);
  let main!: HTMLElement;

  createEffect(
    on(
      () => collection.state(),
      (state) => {
        if (state === 'ready') void quiz.load();
      },
    ),
  );
  const [tags] = createResource(
    () => (collection.state() === 'ready' ? { ids: deckIds(), revision: collection.revision() } : false),
    ({ ids }) => quizTags(collection, ids),
  );

  const topicOf = (deckId: string) => {
    const deck = collection.decks().find((d) => d.id === deckId);
    return deck?.topic ?? deck?.title ?? 'Other';
  };

  const results = createMemo(() => {
    const record = quiz.record();
    if (quiz.phase() !== 'results' || !record) return null;
    const missed = missedQuestions(record.questions, record.answers);
    return {
      record,
      score: scoreQuiz(record.questions, record.answers),
      topics: topicBreakdown(record.questions, record.answers, topicOf),
      missed,
    };
  });
  const [sources] = createResource(
    () => results()?.missed.map((q) => q.cardId),
    (ids) => cardSources(collection, ids),
  );
  const missedItems = (): MissedItem[] => {
    const current = results();
    if (!current) return [];
    const answers = new Map(current.record.answers.map((a) => [a.questionId, a]));
    return current.missed.map((question) => ({
      question,
      given: givenText(question, answers.get(question.id)),
      source: sources.latest?.get(question.cardId),
    }));
  };
  const trend = () =>
    quiz
      .history()
      .map((q) => ({ at: q.finishedAt ?? q.startedAt, percent: scoreQuiz(q.questions, q.answers).percent }));

  // A new phase (questions begin, results arrive, back to the setup): focus goes to the screen's content.
  createEffect(
    on(
      () => quiz.phase(),
      (phase, previous) => {
        if (previous !== undefined && phase !== 'feedback' && previous !== 'feedback' && phase !== 'question')
          queueMicrotask(() => main.focus());
        if (phase === 'results' || phase === 'setup') window.scrollTo(0, 0);
      },
    ),
  );
  onMount(() => window.scrollTo(0, 0));

  const start = (chosen: QuizSetup) => {
    setSetup(chosen);
    void quiz.start(chosen);
  };

  return (
    <>
      <TopBar title={quiz.phase() === 'results' ? 'Score' : 'Quiz'} />
      <main id="main" tabindex="-1" class="quiz" ref={main}>
        <Show when={quiz.error()}>
          <p class="banner" role="alert">
            {quiz.error()}
          </p>
        </Show>
        <Switch>
          <Match when={quiz.phase() === 'setup'}>
            <Show when={quiz.unfinished()}>
              {(open) => (
                <section class="card-surface quiz-resume" aria-labelledby="quiz-resume-title">
                  <h2 id="quiz-resume-title">A quiz is in progress</h2>
                  <p class="muted">
                    You answered {open().answers.length} of {open().questions.length} questions.
                  </p>
                  <div class="quiz-resume-actions">
                    <button
                      type="button"
                      class="btn btn-primary"
                      disabled={quiz.busy()}
                      onClick={() => void quiz.resume()}
                    >
                      Resume quiz
                    </button>
                    <button
                      type="button"
                      class="btn"
                      disabled={quiz.busy()}
                      onClick={() => void quiz.discard()}
                    >
                      Discard it
                    </button>
                  </div>
                </section>
              )}
            </Show>
            <Show when={collection.state() === 'ready'} fallback={<p class="empty muted">Loading decks…</p>}>
              <QuizSetupForm
                decks={collection.decks().map((d) => ({ id: d.id, title: d.title }))}
                tags={tags.latest ?? []}
                initial={setup()}
                today={now().getTime()}
                busy={quiz.busy()}
                onDecksChange={setDeckIds}
                onStart={start}
              />
            </Show>
          </Match>
          <Match when={quiz.question() && quiz.record()}>
            {(record) => (
              <QuizQuestionCard
                question={quiz.question()!}
                index={quiz.index()}
                total={record().questions.length}
                answer={quiz.answer()}
                feedback={record().setup.feedback}
                elapsed={quiz.elapsed()}
                timeLimit={record().setup.timeLimit}
                busy={quiz.busy()}
                onSubmit={(given) => void quiz.submit(given)}
                onNext={() => void quiz.next()}
                onEnd={() => void quiz.finish()}
              />
            )}
          </Match>
          <Match when={results()}>
            {(done) => (
              <QuizResults
                score={done().score}
                elapsedMs={done().record.elapsedMs}
                topics={done().topics}
                missed={missedItems()}
                trend={trend()}
                busy={quiz.busy()}
                onStudyMissed={() => navigate({ name: 'quiz-study', quizId: done().record.id })}
                onNewQuiz={() => quiz.restart()}
              />
            )}
          </Match>
        </Switch>
      </main>
    </>
  );
}
