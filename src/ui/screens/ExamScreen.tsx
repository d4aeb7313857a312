import { createMemo, createSignal, For, Match, Show, Switch } from 'solid-js';
import { dateOfDay, MAX_PLAN_DAYS } from '../../domain/exam-planner';
import { studyDayNumber } from '../../domain/day';
import { now, timeZone } from '../../state/clock';
import { createExamPlanner, type ExamDraft } from '../../state/create-exam-planner';
import ExamForm from '../components/ExamForm';
import ExamSummary from '../components/ExamSummary';
import TopBar from '../components/TopBar';
import { useCollection } from '../context';
import { navigate } from '../router';
import '../styles/exam.css';

/** The exam planner (issue 11): exams with their predicted recall on exam day and a daily plan. */
export default function ExamScreen() {
  const collection = useCollection();
  const planner = createExamPlanner(collection);
  /** The exam being edited: its id, 'new' for a new one, or null when the form is closed. */
  const [editing, setEditing] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);
  const [status, setStatus] = createSignal('');
  const todayNumber = createMemo(() => studyDayNumber(now(), collection.settings().dayStartHour, timeZone()));
  const today = () => dateOfDay(todayNumber());
  const lastDay = () => dateOfDay(todayNumber() + MAX_PLAN_DAYS);
  const exams = () => planner.data()?.exams ?? [];
  /** The form for a new exam: when asked for, and always while there is none. */
  const newFormOpen = () => editing() === 'new' || (editing() === null && exams().length === 0);

  const save = async (draft: ExamDraft) => {
    setBusy(true);
    setStatus('');
    const saved = await planner.save(draft);
    setBusy(false);
    if (saved) {
      setEditing(null);
      setStatus(`Saved “${draft.name.trim()}”.`);
    }
  };

  const remove = async (id: string, name: string) => {
    if (!confirm(`Delete the exam “${name}”? Your cards and reviews are kept.`)) return;
    if (await planner.remove(id)) setStatus(`Deleted “${name}”.`);
  };

  return (
    <>
      <TopBar
        title="Exam planner"
        back={{ label: 'Back to Home', onBack: () => navigate({ name: 'home' }) }}
      />
      <main id="main" tabindex="-1" class="exam-screen">
        <Show when={planner.error()}>
          <div class="banner" role="alert">
            <p>{planner.error()}</p>
          </div>
        </Show>
        <Show when={planner.data()?.problem}>
          <div class="banner" role="alert">
            <p>{planner.data()?.problem}</p>
          </div>
        </Show>
        <p class="visually-hidden" role="status">
          {status()}
        </p>
        <Switch>
          <Match when={!planner.data() && !planner.error()}>
            <p class="empty muted" role="status">
              Loading your exams…
            </p>
          </Match>
          <Match when={planner.data()}>
            {(data) => (
              <>
                <p class="muted exam-intro">
                  Set an exam date for decks or tags to see how much you would recall that morning, and a plan
                  to reach your target by then. Recall is predicted with FSRS; cards you have never studied
                  count as 0%.
                </p>
                <Show when={exams().length === 0}>
                  <div class="exam-empty">
                    <h2>No exams yet</h2>
                    <p class="muted">Add your first exam below.</p>
                  </div>
                </Show>
                <For each={exams()}>
                  {(view) => (
                    <Show
                      when={editing() === view.plan.id}
                      fallback={
                        <ExamSummary
                          plan={view.plan}
                          prediction={view.prediction}
                          problem={view.problem}
                          onStudy={() => navigate({ name: 'study-exam', examId: view.plan.id })}
                          onEdit={() => setEditing(view.plan.id)}
                          onDelete={() => void remove(view.plan.id, view.plan.name)}
                        />
                      }
                    >
                      <ExamForm
                        exam={view.plan}
                        decks={collection.decks()}
                        tags={data().tags}
                        today={today()}
                        lastDay={lastDay()}
                        busy={busy()}
                        onSave={(draft) => void save(draft)}
                        onCancel={() => setEditing(null)}
                      />
                    </Show>
                  )}
                </For>
                <Show
                  when={newFormOpen()}
                  fallback={
                    <Show when={editing() === null}>
                      <button type="button" class="btn btn-block" onClick={() => setEditing('new')}>
                        Add an exam
                      </button>
                    </Show>
                  }
                >
                  <ExamForm
                    decks={collection.decks()}
                    tags={data().tags}
                    today={today()}
                    lastDay={lastDay()}
                    busy={busy()}
                    onSave={(draft) => void save(draft)}
                    {...(exams().length > 0 ? { onCancel: () => setEditing(null) } : {})}
                  />
                </Show>
              </>
            )}
          </Match>
        </Switch>
      </main>
    </>
  );
}
