import { For, onMount, Show } from 'solid-js';
import { formatWhen, type BackupState } from '../../state/create-backup';
import '../styles/backup.css';
import { plural } from '../plural';

/**
 * Settings → Backup: "Back up now", "Restore from backup" (shows what the file holds and asks before
 * replacing anything) and the collections a restore replaced, each with "Bring back".
 */
export default function BackupPanel(props: { backup: BackupState; focus: boolean }) {
  let fileInput: HTMLInputElement | undefined;
  let backUpButton: HTMLButtonElement | undefined;
  let confirmTitle: HTMLHeadingElement | undefined;
  onMount(() => {
    if (!props.focus) return;
    backUpButton?.scrollIntoView({ block: 'center' });
    backUpButton?.focus();
  });

  const choose = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    // Cleared, so choosing the same file again still fires `change`.
    input.value = '';
    if (!file) return;
    await props.backup.choose(file);
    confirmTitle?.focus();
  };

  return (
    <div class="card-surface backup-panel">
      <p class="hint">
        One file holds your whole collection: decks, cards, every review and your settings. Keep it somewhere
        other than this device.{' '}
        <Show when={props.backup.lastBackup() !== undefined}>
          {props.backup.lastBackup()
            ? `Last backup: ${formatWhen(props.backup.lastBackup() ?? 0)}.`
            : 'Not backed up yet.'}
        </Show>
      </p>
      <div class="backup-actions">
        <button
          ref={backUpButton}
          type="button"
          class="btn btn-primary"
          disabled={props.backup.busy() !== null}
          onClick={() => void props.backup.backUp()}
        >
          Back up now
        </button>
        <button
          type="button"
          class="btn"
          disabled={props.backup.busy() !== null}
          onClick={() => fileInput?.click()}
        >
          Restore from backup
        </button>
        <input
          ref={fileInput}
          type="file"
          class="visually-hidden"
          tabindex="-1"
          aria-hidden="true"
          onChange={(e) => void choose(e.currentTarget)}
        />
      </div>
      <Show when={props.backup.progress() !== null}>
        <progress
          class="backup-progress"
          max="1"
          value={props.backup.progress() ?? 0}
          aria-label="Backup progress"
        />
      </Show>
      <p role="status" class="backup-status">
        {props.backup.status()}
      </p>
      <Show when={props.backup.error()}>
        <p role="alert" class="backup-error">
          {props.backup.error()}
        </p>
      </Show>
      <Show when={props.backup.pending()}>
        {(pending) => (
          <div class="backup-confirm">
            <h3 ref={confirmTitle} tabindex="-1">
              Restore this backup?
            </h3>
            <dl>
              <dt>Made</dt>
              <dd>{formatWhen(Date.parse(pending().header.createdAt))}</dd>
              <dt>Decks</dt>
              <dd>{(pending().header.counts.decks ?? 0).toLocaleString()}</dd>
              <dt>Cards</dt>
              <dd>{(pending().header.counts.cards ?? 0).toLocaleString()}</dd>
              <dt>Reviews</dt>
              <dd>{(pending().header.counts['review-logs'] ?? 0).toLocaleString()}</dd>
            </dl>
            <p>
              Your whole collection on this device is replaced by the backup. The current one is kept, and you
              can bring it back below.
            </p>
            <div class="backup-actions">
              <button
                type="button"
                class="btn btn-primary"
                disabled={props.backup.busy() !== null}
                onClick={() => void props.backup.confirm()}
              >
                Replace my collection
              </button>
              <button
                type="button"
                class="btn"
                disabled={props.backup.busy() !== null}
                onClick={() => props.backup.cancel()}
              >
                Cancel
              </button>
            </div>
          </div>
        )}
      </Show>
      <Show when={(props.backup.restorePoints.latest ?? []).length > 0}>
        <h3 class="section-title" id="restore-points-title">
          Collections replaced by a restore
        </h3>
        <ul class="restore-points" aria-labelledby="restore-points-title">
          <For each={props.backup.restorePoints.latest}>
            {(point) => (
              <li>
                <div>
                  <p>{point.label}</p>
                  <p class="hint">
                    {plural(point.counts.decks, 'deck', 'decks')},{' '}
                    {plural(point.counts.cards, 'card', 'cards')},{' '}
                    {plural(point.counts.reviews, 'review', 'reviews')}; replaced {formatWhen(point.time)}
                  </p>
                </div>
                <button
                  type="button"
                  class="btn btn-small"
                  disabled={props.backup.busy() !== null}
                  aria-label={`Bring back: ${point.label}`}
                  onClick={() => void props.backup.bringBack(point)}
                >
                  Bring back
                </button>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </div>
  );
}
