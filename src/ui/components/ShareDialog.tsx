import { createSignal, lazy, Match, Show, Suspense, Switch } from 'solid-js';
import { createDeckShare } from '../../state/create-share';
import { useCollection } from '../context';
import { fitsQrCode } from '../qr/capacity';
import Dialog from './Dialog';
import '../styles/dialogs.css';
import '../styles/share.css';

const QrCode = lazy(() => import('./QrCode'));

function size(chars: number): string {
  return chars >= 1024 * 1024 ? `${(chars / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(chars / 1024)} KB`;
}

/**
 * Sharing a deck: its link (copy, QR code, share sheet) and its file (share sheet, download, optionally with
 * the learner's scheduling). Wires the share state for `deckId`; loaded when the learner taps Share.
 */
export default function ShareDialog(props: { deckId: string; onClose: () => void }) {
  // eslint-disable-next-line solid/reactivity -- the dialog shares one deck; it is opened anew for another
  const share = createDeckShare(useCollection(), props.deckId);
  const readyLink = () => {
    const link = share.link();
    return link?.ok ? link : undefined;
  };
  const tooLarge = () => {
    const link = share.link();
    return link && !link.ok ? link : undefined;
  };
  const [status, setStatus] = createSignal('');
  let linkInput: HTMLInputElement | undefined;

  const copy = async () => {
    if (await share.copyLink()) {
      setStatus('Link copied.');
      return;
    }
    linkInput?.focus();
    linkInput?.select();
    setStatus('The link is selected: copy it with your device’s Copy command.');
  };

  const shareSheet = async () => {
    setStatus('');
    const outcome = await share.shareSheet();
    if (outcome === 'failed') {
      setStatus(
        `This device could not share the deck. ${readyLink() ? 'Copy the link or download' : 'Download'} the file instead.`,
      );
    }
  };

  return (
    <Dialog open title={share.title() ? `Share “${share.title()}”` : 'Share deck'} onClose={props.onClose}>
      <Switch fallback={<p role="status">Preparing the deck…</p>}>
        <Match when={share.error()}>
          <p class="error-text" role="alert">
            {share.error()}
          </p>
        </Match>
        <Match when={share.link()}>
          <>
            <section class="share-section" aria-labelledby="share-link-heading">
              <h3 id="share-link-heading">Link</h3>
              <Show when={tooLarge()}>
                {(large) => (
                  <p>
                    This deck is too large for a link: it would be about {size(large().chars)} long. Share or
                    download the file instead.
                  </p>
                )}
              </Show>
              <Show when={readyLink()}>
                {(ready) => (
                  <>
                    <p class="muted">
                      Anyone who opens this link can import the deck. It holds the cards only, not your
                      scheduling.
                    </p>
                    <label class="visually-hidden" for="share-link-url">
                      Share link
                    </label>
                    <input
                      ref={linkInput}
                      id="share-link-url"
                      class="share-url"
                      type="text"
                      readOnly
                      value={ready().url}
                      onFocus={(e) => e.currentTarget.select()}
                    />
                    <div class="button-row">
                      <button type="button" class="btn btn-small btn-primary" onClick={() => void copy()}>
                        Copy link
                      </button>
                    </div>
                    <Show
                      when={fitsQrCode(ready().url)}
                      fallback={<p class="muted">Too long for a QR code; share the link or the file.</p>}
                    >
                      <Suspense fallback={<p class="muted">Making the QR code…</p>}>
                        <div class="qr-frame">
                          <QrCode text={ready().url} label={`QR code of the link to “${share.title()}”`} />
                        </div>
                      </Suspense>
                    </Show>
                  </>
                )}
              </Show>
            </section>
            <section class="share-section" aria-labelledby="share-file-heading">
              <h3 id="share-file-heading">File</h3>
              <label class="check-row">
                <input
                  type="checkbox"
                  checked={share.includeScheduling()}
                  onChange={(e) => share.setIncludeScheduling(e.currentTarget.checked)}
                />
                <span>Include my scheduling (due dates and reviews) in the file</span>
              </label>
              <div class="button-row">
                <Show when={share.canShare}>
                  <button
                    type="button"
                    class="btn btn-small"
                    disabled={!share.file()}
                    onClick={() => void shareSheet()}
                  >
                    Share…
                  </button>
                </Show>
                <button
                  type="button"
                  class="btn btn-small"
                  disabled={!share.file()}
                  onClick={() => {
                    share.download();
                    setStatus(`Saving ${share.file()?.name ?? 'the deck file'}.`);
                  }}
                >
                  Download file
                </button>
              </div>
            </section>
          </>
        </Match>
      </Switch>
      <p class="share-status" role="status">
        {status()}
      </p>
      <div class="button-row">
        <button type="button" class="btn btn-small" onClick={() => props.onClose()}>
          Close
        </button>
      </div>
    </Dialog>
  );
}
