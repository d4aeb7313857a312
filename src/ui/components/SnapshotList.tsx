import { For, Show } from 'solid-js';
import type { SnapshotSummary } from '../../storage/snapshot-store';

function when(time: number): string {
  return new Date(time).toLocaleString([], { dateStyle: 'medium', timeStyle: 'short' });
}

/** The snapshots taken before imports and deck deletions, each of which can be brought back. */
export default function SnapshotList(props: {
  snapshots: SnapshotSummary[];
  busy: boolean;
  onBringBack: (snapshot: SnapshotSummary) => void;
}) {
  return (
    <div class="card-surface snapshot-list">
      <p class="hint">
        Before every import and deck deletion, SarcoMet copies the decks it changes. Bringing a copy back puts
        those decks as they were then; your other decks are not touched.
      </p>
      <Show when={props.snapshots.length > 0} fallback={<p class="muted">No snapshots yet.</p>}>
        <ul>
          <For each={props.snapshots}>
            {(snapshot) => (
              <li>
                <div>
                  <strong>{snapshot.label}</strong>
                  <p class="muted">
                    {when(snapshot.time)} · {snapshot.cardCount.toLocaleString()} cards ·{' '}
                    {snapshot.reviewCount.toLocaleString()} reviews
                  </p>
                </div>
                <button
                  type="button"
                  class="btn btn-small"
                  disabled={props.busy}
                  aria-label={`Bring back: ${snapshot.label}, ${when(snapshot.time)}`}
                  onClick={() => props.onBringBack(snapshot)}
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
