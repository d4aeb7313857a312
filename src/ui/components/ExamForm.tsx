import { createSignal, For, Show, untrack } from 'solid-js';
import { DEFAULT_EXAM_TARGET, type ExamPlan } from '../../domain/exam-planner';
import type { ExamDraft } from '../../state/create-exam-planner';

/** The form to add or edit an exam: name, date, decks, tags and target recall. */
export default function ExamForm(props: {
  /** The exam being edited; a new exam when absent. */
  exam?: ExamPlan;
  decks: readonly { id: string; title: string }[];
  tags: readonly string[];
  /** Today's date, "YYYY-MM-DD": the earliest exam date offered. */
  today: string;
  /** The latest exam date that can be planned. */
  lastDay: string;
  busy: boolean;
  onSave: (draft: ExamDraft) => void;
  onCancel?: () => void;
}) {
  // The form edits a copy: the exam it started from, not later versions of it.
  const initial = untrack(() => props.exam);
  const [name, setName] = createSignal(initial?.name ?? '');
  const [date, setDate] = createSignal(initial?.date ?? '');
  const [deckIds, setDeckIds] = createSignal<string[]>(initial?.deckIds ?? []);
  const [tags, setTags] = createSignal(initial?.tags.join(', ') ?? '');
  const [target, setTarget] = createSignal(
    String(Math.round((initial?.target ?? DEFAULT_EXAM_TARGET) * 100)),
  );
  const prefix = initial ? `exam-${initial.id}` : 'exam-new';

  const toggle = (id: string, on: boolean) =>
    setDeckIds((ids) => (on ? [...ids, id] : ids.filter((other) => other !== id)));

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    props.onSave({
      ...(initial ? { id: initial.id } : {}),
      name: name(),
      date: date(),
      deckIds: deckIds(),
      tags: tags()
        .split(',')
        .map((tag) => tag.trim())
        .filter(Boolean),
      target: Number(target()) / 100,
    });
  };

  return (
    <form class="exam-form card-surface" onSubmit={submit} aria-labelledby={`${prefix}-title`}>
      <h2 id={`${prefix}-title`} class="section-title">
        {initial ? `Edit “${initial.name}”` : 'Add an exam'}
      </h2>
      <div class="field">
        <label for={`${prefix}-name`}>Name</label>
        <input
          id={`${prefix}-name`}
          type="text"
          required
          maxLength={100}
          value={name()}
          onInput={(e) => setName(e.currentTarget.value)}
        />
      </div>
      <div class="field">
        <label for={`${prefix}-date`}>Exam date</label>
        <input
          id={`${prefix}-date`}
          type="date"
          required
          min={props.today}
          max={props.lastDay}
          value={date()}
          onInput={(e) => setDate(e.currentTarget.value)}
        />
      </div>
      <fieldset class="field exam-decks">
        <legend>Decks</legend>
        <For each={props.decks}>
          {(deck) => (
            <label class="exam-check">
              <input
                type="checkbox"
                checked={deckIds().includes(deck.id)}
                onChange={(e) => toggle(deck.id, e.currentTarget.checked)}
              />
              <span>{deck.title}</span>
            </label>
          )}
        </For>
      </fieldset>
      <div class="field">
        <label for={`${prefix}-tags`}>Tags</label>
        <input
          id={`${prefix}-tags`}
          type="text"
          list={`${prefix}-tag-list`}
          aria-describedby={`${prefix}-tags-hint`}
          value={tags()}
          onInput={(e) => setTags(e.currentTarget.value)}
        />
        <datalist id={`${prefix}-tag-list`}>
          <For each={props.tags}>{(tag) => <option value={tag} />}</For>
        </datalist>
        <p id={`${prefix}-tags-hint`} class="hint">
          Optional, separated by commas: cards with one of these tags count too, whatever their deck.
        </p>
      </div>
      <div class="field">
        <label for={`${prefix}-target`}>Target recall (%)</label>
        <input
          id={`${prefix}-target`}
          type="number"
          inputMode="numeric"
          min={50}
          max={99}
          step={1}
          required
          value={target()}
          onInput={(e) => setTarget(e.currentTarget.value)}
        />
      </div>
      <div class="button-row">
        <button type="submit" class="btn btn-primary" disabled={props.busy}>
          Save exam
        </button>
        <Show when={props.onCancel}>
          {(cancel) => (
            <button type="button" class="btn" onClick={() => cancel()()}>
              Cancel
            </button>
          )}
        </Show>
      </div>
    </form>
  );
}
