import { createResource, createSignal, For, lazy, Show, Suspense } from 'solid-js';
import { isValidStep } from '../../domain/scheduler';
import type { ReviewOrder, Settings } from '../../domain/types';
import { currentPlatform } from '../../pwa/platform';
import { askPersistentStorage, readStorageInfo } from '../../pwa/storage';
import type { CheckResult } from '../../state/check-collection';
import { timeZone } from '../../state/clock';
import { takeBackupRequest } from '../../state/backup-reminder';
import { createBackup } from '../../state/create-backup';
import { bringBackSnapshot, loadSnapshots } from '../../state/deck-actions';
import type { SnapshotSummary } from '../../storage/snapshot-store';
import BackupPanel from '../components/BackupPanel';
import RescheduleChoice from '../components/RescheduleChoice';
import SnapshotList from '../components/SnapshotList';
import StorageStatus from '../components/StorageStatus';
import '../styles/dialogs.css';
import { useCollection } from '../context';
import TopBar from '../components/TopBar';
import { errorReason } from '../../domain/error-reason';

// The FSRS section (the optimizer's state and worker client) loads with Settings, not with the first screen.
const OptimizeSection = lazy(() => import('./OptimizeSection'));

const parseSteps = (text: string) => text.split(/[\s,]+/).filter(Boolean);

function workload(retention: number): string {
  if (retention >= 0.95) return 'Very high: you will remember almost everything, but reviews pile up fast.';
  if (retention >= 0.9) return 'Recommended: a good balance of remembering and daily workload.';
  if (retention >= 0.8) return 'Lighter: fewer reviews, and you will forget more before each one.';
  return 'Minimal: few reviews, but you will forget a lot between them.';
}

/** Scheduling, limits, day start, theme and whether quizzes count as reviews. */
export default function SettingsScreen() {
  const collection = useCollection();
  // Made once here: a call inside JSX would run again on every read of the prop.
  const backup = createBackup(collection);
  const focusBackup = takeBackupRequest();
  const [draft, setDraft] = createSignal<Settings>({ ...collection.settings() });
  const [learning, setLearning] = createSignal(collection.settings().learningSteps.join(' '));
  const [relearning, setRelearning] = createSignal(collection.settings().relearningSteps.join(' '));
  const [status, setStatus] = createSignal('');
  const [error, setError] = createSignal('');
  const [storage, { refetch: refetchStorage }] = createResource(() => readStorageInfo(currentPlatform()));
  const [asking, setAsking] = createSignal(false);
  const persist = async () => {
    setAsking(true);
    await askPersistentStorage();
    await refetchStorage();
    setAsking(false);
  };

  const [snapshots] = createResource(
    () => collection.revision(),
    () => loadSnapshots(collection),
  );
  const [bringingBack, setBringingBack] = createSignal(false);
  const [snapshotStatus, setSnapshotStatus] = createSignal('');
  const bringBack = async (snapshot: SnapshotSummary) => {
    setBringingBack(true);
    setSnapshotStatus('');
    try {
      await bringBackSnapshot(collection, snapshot.id);
      setSnapshotStatus(`Brought back: ${snapshot.label}.`);
    } catch (err) {
      setSnapshotStatus(`It could not be brought back: ${errorReason(err)}`);
    } finally {
      setBringingBack(false);
    }
  };

  const [checking, setChecking] = createSignal(false);
  const [checkStatus, setCheckStatus] = createSignal('');
  const [checkProblems, setCheckProblems] = createSignal<CheckResult['problems']>([]);
  const check = async () => {
    setChecking(true);
    if (!repairing()) setRepairStatus('');
    setCheckProblems([]);
    setCheckStatus('Checking…');
    try {
      // Loaded on demand: the check brings the scheduler, which Settings does not otherwise need.
      const { checkCollection } = await import('../../state/check-collection');
      const result = await checkCollection(await collection.db(), collection.settings(), timeZone(), (n) =>
        setCheckStatus(`Checking… ${n.toLocaleString()} cards so far.`),
      );
      const checked = `${result.cards.toLocaleString()} ${result.cards === 1 ? 'card' : 'cards'} and ${result.logs.toLocaleString()} ${result.logs === 1 ? 'review' : 'reviews'} checked`;
      const count = result.problems.length;
      setCheckProblems(result.problems);
      setCheckStatus(
        count === 0
          ? `No problems found: ${checked}.`
          : `${count} ${count === 1 ? 'card differs' : 'cards differ'} from the replay of ${count === 1 ? 'its' : 'their'} reviews (${checked}).${count > 10 ? ' The first 10:' : ''}`,
      );
    } catch (err) {
      setCheckStatus(`The check could not run: ${errorReason(err)}`);
    } finally {
      setChecking(false);
    }
  };

  const [repairing, setRepairing] = createSignal(false);
  const [repairStatus, setRepairStatus] = createSignal('');
  const repair = async () => {
    setRepairing(true);
    setRepairStatus('Repairing…');
    try {
      const { repairCollection } = await import('../../state/check-collection');
      const problems = checkProblems();
      const count = await repairCollection(
        await collection.db(),
        collection.settings(),
        timeZone(),
        problems,
      );
      collection.changed('cards', [...new Set(problems.map((problem) => problem.cardId))]);
      const left = problems.length - count;
      setRepairStatus(
        `Repaired ${count} ${count === 1 ? 'card' : 'cards'} from ${count === 1 ? 'its' : 'their'} reviews.${left > 0 ? ` ${left} could not be: no reviews to rebuild from, or changed since the check.` : ''}`,
      );
      await check();
    } catch (err) {
      setRepairStatus(`The repair could not run: ${errorReason(err)}`);
    } finally {
      setRepairing(false);
    }
  };
  const [rescheduleOnSave, setRescheduleOnSave] = createSignal(false);
  /** Desired retention or the maximum interval differ from the saved settings: saving replays every card. */
  const schedulingChanged = () =>
    draft().retention !== collection.settings().retention ||
    draft().maximumInterval !== collection.settings().maximumInterval;

  const update = <K extends keyof Settings>(key: K, value: Settings[K]) =>
    setDraft({ ...draft(), [key]: value });
  const stepsError = (text: string) => {
    const steps = parseSteps(text);
    if (steps.length === 0) return 'Enter at least one step, such as 10m.';
    const bad = steps.find((s) => !isValidStep(s));
    return bad ? `“${bad}” is not a step. Use minutes, hours or days, such as 1m, 10m, 1h or 1d.` : '';
  };

  const save = async (event: Event) => {
    event.preventDefault();
    setStatus('');
    setError('');
    const stepProblem = stepsError(learning()) || stepsError(relearning());
    if (stepProblem) {
      setError(stepProblem);
      return;
    }
    // The FSRS weights are not on this form: Optimize may have changed them since the form was filled.
    const { parameters: _stale, ...fields } = draft();
    const { parameters } = collection.settings();
    const next: Settings = {
      ...fields,
      ...(parameters ? { parameters } : {}),
      learningSteps: parseSteps(learning()),
      relearningSteps: parseSteps(relearning()),
    };
    try {
      if (!schedulingChanged()) {
        await collection.updateSettings(next);
        setStatus('Settings saved.');
        return;
      }
      // Desired retention or the maximum interval changed: every card is replayed under them, one job.
      setStatus('Settings saved. Replaying every card with them…');
      const { applyWithReplay, replayedSummary } = await import('../../state/reschedule');
      const changed = await applyWithReplay(collection, next, { reschedule: rescheduleOnSave() }, (p) =>
        setStatus(`Settings saved. Replaying every card with them… ${p.done.toLocaleString()} cards so far.`),
      );
      setStatus(`Settings saved. ${replayedSummary(changed, rescheduleOnSave())}`);
    } catch (err) {
      setError(err instanceof Error ? err.message : 'Settings could not be saved. Please try again.');
    }
  };

  const numberField = (
    key: 'newPerDay' | 'reviewsPerDay' | 'maximumInterval' | 'leechThreshold',
    label: string,
    hint: string,
    max: number,
    min = 0,
  ) => (
    <div class="field card-surface">
      <label for={`setting-${key}`}>{label}</label>
      <input
        id={`setting-${key}`}
        type="number"
        inputmode="numeric"
        min={min}
        max={max}
        value={draft()[key]}
        aria-describedby={`hint-${key}`}
        onInput={(e) => update(key, e.currentTarget.valueAsNumber)}
      />
      <p class="hint" id={`hint-${key}`}>
        {hint}
      </p>
    </div>
  );

  const textField = (
    id: string,
    label: string,
    hint: string,
    value: () => string,
    set: (v: string) => void,
  ) => (
    <div class="field card-surface">
      <label for={`setting-${id}`}>{label}</label>
      <input
        id={`setting-${id}`}
        type="text"
        autocomplete="off"
        value={value()}
        aria-describedby={`hint-${id}`}
        onInput={(e) => set(e.currentTarget.value)}
      />
      <p class="hint" id={`hint-${id}`}>
        {hint}
      </p>
    </div>
  );

  return (
    <>
      <TopBar title="Settings" />
      <main id="main" tabindex="-1">
        <form class="settings-form" onSubmit={(e) => void save(e)} novalidate>
          <div class="field card-surface">
            <label for="setting-retention">Desired retention: {Math.round(draft().retention * 100)}%</label>
            <input
              id="setting-retention"
              type="range"
              min="0.7"
              max="0.99"
              step="0.01"
              value={draft().retention}
              aria-describedby="hint-retention"
              aria-valuetext={`${Math.round(draft().retention * 100)} percent`}
              onInput={(e) => update('retention', e.currentTarget.valueAsNumber)}
            />
            <p class="hint" id="hint-retention">
              The chance of remembering a card when it comes due. Higher means more reviews each day.{' '}
              {workload(draft().retention)}
            </p>
          </div>
          {numberField('newPerDay', 'New cards per day', 'How many new cards to introduce each day.', 9999)}
          {numberField(
            'reviewsPerDay',
            'Maximum reviews per day',
            'Reviews beyond this wait for the next day.',
            99999,
          )}
          <div class="field card-surface">
            <label for="setting-review-order">Review order</label>
            <select
              id="setting-review-order"
              value={draft().reviewOrder}
              aria-describedby="hint-review-order"
              onChange={(e) => update('reviewOrder', e.currentTarget.value as ReviewOrder)}
            >
              <option value="due">Due date, earliest first</option>
              <option value="retrievability">Lowest retrievability first</option>
              <option value="random">Random</option>
            </select>
            <p class="hint" id="hint-review-order">
              Which of the day's reviews come first. After a break, lowest retrievability first shows the
              cards you are most likely to have forgotten before the rest. Random shuffles once a day.
            </p>
          </div>
          {numberField(
            'leechThreshold',
            'Leech threshold (lapses)',
            'A card you forget this many times is tagged “leech” and suspended, so you can rewrite it.',
            99,
            1,
          )}
          {textField(
            'learning',
            'Learning steps',
            'Delays before a new card graduates, separated by spaces, e.g. “1m 10m”.',
            learning,
            setLearning,
          )}
          {textField(
            'relearning',
            'Relearning steps',
            'Delays after you press Again on a review card, e.g. “10m”.',
            relearning,
            setRelearning,
          )}
          <div class="field card-surface">
            <label for="setting-day-start">Next day starts at</label>
            <select
              id="setting-day-start"
              value={draft().dayStartHour}
              aria-describedby="hint-day-start"
              onChange={(e) => update('dayStartHour', Number(e.currentTarget.value))}
            >
              <For each={Array.from({ length: 24 }, (_, h) => h)}>
                {(h) => <option value={h}>{`${String(h).padStart(2, '0')}:00`}</option>}
              </For>
            </select>
            <p class="hint" id="hint-day-start">
              Studying after midnight but before this hour still counts as the previous day.
            </p>
          </div>
          {numberField(
            'maximumInterval',
            'Maximum interval (days)',
            'The longest gap between two reviews.',
            36500,
          )}
          <div class="field card-surface">
            <label for="setting-theme">Theme</label>
            <select
              id="setting-theme"
              value={draft().theme}
              onChange={(e) => update('theme', e.currentTarget.value as Settings['theme'])}
            >
              <option value="system">Follow the system</option>
              <option value="light">Light</option>
              <option value="dark">Dark</option>
            </select>
          </div>
          <div class="field card-surface">
            <label class="check-row">
              <input
                type="checkbox"
                checked={draft().countQuizAsReviews}
                aria-describedby="hint-quiz-reviews"
                onChange={(e) => update('countQuizAsReviews', e.currentTarget.checked)}
              />
              Count quiz answers as reviews
            </label>
            <p class="hint" id="hint-quiz-reviews">
              Off: quizzes never change when cards come due. On: a typed quiz answer counts as a review (Good
              if right, Again if wrong). Multiple-choice answers never do.
            </p>
          </div>
          <Show when={schedulingChanged()}>
            <div class="field card-surface">
              <RescheduleChoice
                id="hint-reschedule-on-save"
                checked={rescheduleOnSave()}
                what="Saving replays every card's reviews with the new desired retention or maximum interval."
                onChange={setRescheduleOnSave}
              />
            </div>
          </Show>
          <Show when={error()}>
            <p class="banner" role="alert">
              {error()}
            </p>
          </Show>
          <button type="submit" class="btn btn-primary btn-block">
            Save settings
          </button>
          <p role="status" class="muted">
            {status()}
          </p>
        </form>
        <section aria-labelledby="fsrs-title">
          <h2 id="fsrs-title" class="section-title">
            FSRS parameters
          </h2>
          <Suspense>
            <OptimizeSection />
          </Suspense>
        </section>
        <section aria-labelledby="storage-title">
          <h2 id="storage-title" class="section-title">
            Storage
          </h2>
          <StorageStatus info={storage.latest} busy={asking()} onPersist={() => void persist()} />
        </section>
        <section aria-labelledby="backup-title">
          <h2 id="backup-title" class="section-title">
            Backup
          </h2>
          <BackupPanel backup={backup} focus={focusBackup} />
        </section>
        <section aria-labelledby="check-title">
          <h2 id="check-title" class="section-title">
            Check collection
          </h2>
          <div class="card-surface check-collection">
            <p class="hint">
              Replays the reviews of every card and checks that its schedule is what they give, as Anki's
              Check Database does. Nothing is changed.
            </p>
            <button
              type="button"
              class="btn"
              disabled={checking() || collection.state() !== 'ready'}
              onClick={() => void check()}
            >
              Check collection
            </button>
            <p role="status" class="check-status">
              {checkStatus()}
            </p>
            <Show when={checkProblems().length > 0}>
              <ul class="check-problems">
                <For each={checkProblems().slice(0, 10)}>
                  {(problem) => (
                    <li>
                      <strong>{problem.front ?? problem.cardId}</strong>: {problem.reason}
                    </li>
                  )}
                </For>
              </ul>
              <p class="hint">
                A card reviewed under other learning steps, day start or time zone can differ from a replay
                with today's settings; that is not damage. (Due dates are not compared: a new desired
                retention or kept due dates are never reported.) Repairing sets each card's schedule to the
                replay of its reviews with today's settings; every review is kept.
              </p>
              <button
                type="button"
                class="btn"
                disabled={checking() || repairing()}
                onClick={() => void repair()}
              >
                Repair from the reviews
              </button>
            </Show>
            <p role="status" class="check-status">
              {repairStatus()}
            </p>
          </div>
        </section>
        <section aria-labelledby="snapshots-title">
          <h2 id="snapshots-title" class="section-title">
            Snapshots
          </h2>
          <SnapshotList
            snapshots={snapshots() ?? []}
            busy={bringingBack()}
            onBringBack={(snapshot) => void bringBack(snapshot)}
          />
          <p role="status" class="muted">
            {snapshotStatus()}
          </p>
        </section>
        <p class="muted app-version">Version {__BUILD_ID__}</p>
      </main>
    </>
  );
}
