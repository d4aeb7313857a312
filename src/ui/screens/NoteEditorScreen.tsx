import { createMemo, createResource, createSignal, For, Index, Show } from 'solid-js';
import type { NoteType } from '../../domain/deck-format';
import { cardsOfNote, clozeNumbers, normalizeTags, NOTE_TYPE_NAMES } from '../../domain/notes';
import { loadNoteCards, saveNoteOf } from '../../state/deck-actions';
import { useCollection } from '../context';
import { navigate } from '../router';
import ErrorList from '../components/ErrorList';
import RichText from '../components/RichText';
import TopBar from '../components/TopBar';
import '../styles/editor.css';

const LABELS: Record<NoteType, { front: string; back: string }> = {
  basic: { front: 'Front', back: 'Back' },
  reversed: { front: 'Front', back: 'Back' },
  cloze: { front: 'Text', back: 'Extra (optional, shown on the back)' },
  mcq: { front: 'Question', back: 'Explanation (optional, shown with the answer)' },
};

/** The card editor: one note (basic, reversed, cloze or multiple choice), with a live preview of its cards. */
export default function NoteEditorScreen(props: { deckId: string; noteId: string | null }) {
  const collection = useCollection();
  const deck = () => collection.decks().find((d) => d.id === props.deckId);
  const [type, setType] = createSignal<NoteType>('basic');
  const [front, setFront] = createSignal('');
  const [back, setBack] = createSignal('');
  const [options, setOptions] = createSignal<string[]>(['', '']);
  const [answer, setAnswer] = createSignal<number[]>([0]);
  const [tags, setTags] = createSignal('');
  const [sourceNote, setSourceNote] = createSignal('');
  const [errors, setErrors] = createSignal<string[]>([]);
  const [status, setStatus] = createSignal('');
  const [saving, setSaving] = createSignal(false);
  let frontInput: HTMLTextAreaElement | undefined;

  // An existing note: its fields come from any of its cards (they share the note).
  const [existing] = createResource(
    () => (props.noteId ? ([props.deckId, props.noteId] as const) : null),
    async ([deckId, noteId]) => {
      const cards = await loadNoteCards(collection, deckId, noteId);
      const card = cards.find((c) => c.note);
      if (card?.note) {
        setType(card.note.type);
        setFront(card.note.front);
        setBack(card.note.back);
        if (card.note.options) setOptions([...card.note.options]);
        if (card.note.answer) setAnswer([...card.note.answer]);
        setTags(card.tags.join(' '));
        setSourceNote(card.sourceNote ?? '');
      }
      return card ?? null;
    },
  );

  const input = () => ({
    noteId: props.noteId ?? 'preview',
    note: {
      type: type(),
      front: front(),
      back: back(),
      ...(type() === 'mcq' ? { options: options(), answer: answer() } : {}),
    },
    tags: normalizeTags(tags()),
    sourceNote: sourceNote(),
  });
  const preview = createMemo(() => cardsOfNote(input()));
  const previewCards = () => {
    const check = preview();
    return check.ok ? check.cards : [];
  };

  const reset = () => {
    setFront('');
    setBack('');
    setOptions(['', '']);
    setAnswer([0]);
    setErrors([]);
    frontInput?.focus();
  };

  const save = async (another: boolean) => {
    const check = preview();
    setStatus('');
    if (!check.ok) {
      setErrors(check.errors);
      return;
    }
    setErrors([]);
    setSaving(true);
    try {
      const result = await saveNoteOf(collection, props.deckId, { ...input(), noteId: props.noteId });
      const count = result.added + result.updated;
      if (another) {
        setStatus(`Saved ${count} card${count === 1 ? '' : 's'}. Add the next one.`);
        reset();
      } else {
        navigate({ name: 'deck', deckId: props.deckId });
      }
    } catch (error) {
      setErrors([error instanceof Error ? error.message : 'The note could not be saved. Try again.']);
    } finally {
      setSaving(false);
    }
  };

  /** Wraps the selected text of the cloze field in the next deletion number. */
  const addDeletion = () => {
    const field = frontInput;
    if (!field) return;
    const n = Math.max(0, ...clozeNumbers(front())) + 1;
    const { selectionStart: start, selectionEnd: end, value } = field;
    const selected = value.slice(start, end) || 'answer';
    const next = `${value.slice(0, start)}{{c${n}::${selected}}}${value.slice(end)}`;
    setFront(next);
    queueMicrotask(() => {
      field.focus();
      const caret = start + `{{c${n}::${selected}}}`.length;
      field.setSelectionRange(caret, caret);
    });
  };

  const title = () => (props.noteId ? 'Edit card' : 'Add card');
  return (
    <>
      <TopBar
        title={title()}
        back={{ label: 'Back to the deck', onBack: () => navigate({ name: 'deck', deckId: props.deckId }) }}
      />
      <main id="main" tabindex="-1" class="editor">
        <Show
          when={deck() && !deck()!.builtIn}
          fallback={
            <p class="empty">
              {deck()
                ? 'Built-in decks are made from the review; add cards to a deck of your own.'
                : 'This deck does not exist (any more).'}
            </p>
          }
        >
          <Show
            when={!props.noteId || existing.state === 'ready'}
            fallback={<p class="muted">Loading the card…</p>}
          >
            <Show
              when={!props.noteId || existing()}
              fallback={<p class="empty">This card no longer exists. It may have been deleted.</p>}
            >
              <p class="muted">In “{deck()!.title}”</p>
              <form
                class="settings-form"
                onSubmit={(event) => {
                  event.preventDefault();
                  void save(false);
                }}
              >
                <div class="field">
                  <label for="note-type">Card type</label>
                  <select
                    id="note-type"
                    value={type()}
                    onChange={(event) => setType(event.currentTarget.value as NoteType)}
                  >
                    <For each={Object.entries(NOTE_TYPE_NAMES)}>
                      {([value, name]) => <option value={value}>{name}</option>}
                    </For>
                  </select>
                  <Show when={type() === 'mcq'}>
                    <p class="hint">Multiple-choice items are asked in quizzes, not in daily study.</p>
                  </Show>
                </div>
                <div class="field">
                  <label for="note-front">{LABELS[type()].front}</label>
                  <textarea
                    ref={frontInput}
                    id="note-front"
                    rows="4"
                    value={front()}
                    aria-describedby="format-help"
                    onInput={(event) => setFront(event.currentTarget.value)}
                  />
                  <Show when={type() === 'cloze'}>
                    <div class="editor-tools">
                      <button type="button" class="btn btn-small" onClick={addDeletion}>
                        Add deletion
                      </button>
                      <span class="hint">
                        Select the words to hide, or type <code>{'{{c1::answer::hint}}'}</code>. Each number
                        makes one card.
                      </span>
                    </div>
                  </Show>
                </div>
                <Show when={type() === 'mcq'}>
                  <fieldset class="field">
                    <legend>Options (tick the correct ones)</legend>
                    <Index each={options()}>
                      {(option, i) => (
                        <div class="option-row">
                          <input
                            type="checkbox"
                            aria-label={`Option ${i + 1} is correct`}
                            checked={answer().includes(i)}
                            onChange={(event) =>
                              setAnswer(
                                event.currentTarget.checked
                                  ? [...answer(), i].sort((a, b) => a - b)
                                  : answer().filter((a) => a !== i),
                              )
                            }
                          />
                          <input
                            type="text"
                            aria-label={`Option ${i + 1}`}
                            maxlength="200"
                            value={option()}
                            onInput={(event) => {
                              const next = [...options()];
                              next[i] = event.currentTarget.value;
                              setOptions(next);
                            }}
                          />
                          <button
                            type="button"
                            class="btn btn-small"
                            aria-label={`Remove option ${i + 1}`}
                            disabled={options().length <= 2}
                            onClick={() => {
                              setOptions(options().filter((_, j) => j !== i));
                              setAnswer(
                                answer()
                                  .filter((a) => a !== i)
                                  .map((a) => (a > i ? a - 1 : a)),
                              );
                            }}
                          >
                            Remove
                          </button>
                        </div>
                      )}
                    </Index>
                    <button
                      type="button"
                      class="btn btn-small"
                      disabled={options().length >= 8}
                      onClick={() => setOptions([...options(), ''])}
                    >
                      Add option
                    </button>
                  </fieldset>
                </Show>
                <div class="field">
                  <label for="note-back">{LABELS[type()].back}</label>
                  <textarea
                    id="note-back"
                    rows="3"
                    value={back()}
                    aria-describedby="format-help"
                    onInput={(event) => setBack(event.currentTarget.value)}
                  />
                </div>
                <p id="format-help" class="hint format-help">
                  Formatting: <code>**bold**</code>, <code>*italic*</code>, lists with <code>- </code> or{' '}
                  <code>1. </code>, <code>H~2~O</code> for subscript, <code>x^2^</code> for superscript.
                </p>
                <div class="field">
                  <label for="note-tags">Tags (separated by spaces)</label>
                  <input
                    id="note-tags"
                    type="text"
                    autocomplete="off"
                    value={tags()}
                    onInput={(event) => setTags(event.currentTarget.value)}
                  />
                </div>
                <div class="field">
                  <label for="note-source">Source (optional)</label>
                  <input
                    id="note-source"
                    type="text"
                    placeholder="Lecture, paper, page"
                    value={sourceNote()}
                    onInput={(event) => setSourceNote(event.currentTarget.value)}
                  />
                </div>
                <ErrorList errors={errors()} />
                <p role="status" class="muted">
                  {status()}
                </p>
                <div class="button-row">
                  <button type="submit" class="btn btn-primary" disabled={saving()}>
                    Save
                  </button>
                  <Show when={!props.noteId}>
                    <button type="button" class="btn" disabled={saving()} onClick={() => void save(true)}>
                      Save and add another
                    </button>
                  </Show>
                </div>
              </form>
              <section class="editor-preview" aria-labelledby="preview-title">
                <h2 class="section-title" id="preview-title">
                  Preview
                </h2>
                <Show
                  when={previewCards().length > 0}
                  fallback={<p class="muted">The preview appears once the card is complete.</p>}
                >
                  <ol class="preview-cards">
                    <For each={previewCards()}>
                      {(card, i) => (
                        <li class="card-surface">
                          <p class="muted">Card {i() + 1}</p>
                          <div class="q">
                            <RichText text={card.front} markup={card.markup} />
                          </div>
                          <Show when={card.choices}>
                            {(choices) => (
                              <ol class="choices" type="A">
                                <For each={choices().options}>{(option) => <li>{option}</li>}</For>
                              </ol>
                            )}
                          </Show>
                          <hr />
                          <div class="a">
                            <RichText text={card.back} markup={card.markup} />
                          </div>
                        </li>
                      )}
                    </For>
                  </ol>
                </Show>
              </section>
            </Show>
          </Show>
        </Show>
      </main>
    </>
  );
}
