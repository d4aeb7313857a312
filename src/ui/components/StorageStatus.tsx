import { Show } from 'solid-js';
import { formatBytes, type StorageInfo } from '../../pwa/storage';

/**
 * Settings → Storage: whether the browser keeps the data for sure, how much is used, and any risk. Each part
 * shows only what the browser can tell: Safari before 15.2 (and WebKitGTK) has no Storage API, Safari 16
 * no usage estimate; the eviction warning shows either way.
 */
export default function StorageStatus(props: {
  info: StorageInfo | undefined;
  busy: boolean;
  onPersist: () => void;
}) {
  return (
    <div class="field card-surface storage-status">
      <Show when={props.info} fallback={<p class="muted">Checking storage…</p>}>
        {(info) => (
          <>
            <Show when={info().supported} fallback={<p>This browser does not report how it stores data.</p>}>
              <dl class="storage-facts">
                <div>
                  <dt>Persistent storage</dt>
                  <dd>{info().persisted ? 'Yes: the browser keeps your data' : 'No'}</dd>
                </div>
                <div>
                  <dt>Used</dt>
                  <dd>
                    <Show when={info().usage !== null} fallback="Unknown">
                      {formatBytes(info().usage ?? 0)}
                      <Show when={info().quota}>{(quota) => <> of {formatBytes(quota())} available</>}</Show>
                    </Show>
                  </dd>
                </div>
              </dl>
            </Show>
            <Show when={info().warning}>
              {(warning) => (
                <p class="banner storage-warning" role="note">
                  {warning()}
                </p>
              )}
            </Show>
            <Show when={info().canPersist && !info().persisted}>
              <button
                type="button"
                class="btn btn-small"
                disabled={props.busy}
                onClick={() => props.onPersist()}
              >
                Ask the browser to keep my data
              </button>
            </Show>
          </>
        )}
      </Show>
    </div>
  );
}
