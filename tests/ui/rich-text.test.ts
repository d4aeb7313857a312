// @vitest-environment jsdom
import { createComponent, createSignal } from 'solid-js';
import { render } from 'solid-js/web';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Markup } from '../../src/domain/deck-format';
import RichText from '../../src/ui/components/RichText';

const disposers: (() => void)[] = [];
afterEach(() => {
  disposers.splice(0).forEach((dispose) => dispose());
  document.body.replaceChildren();
});

/** RichText mounted with props that the test can change, as the study screen changes cards. */
function mount(text: string, markup?: Markup) {
  const [props, setProps] = createSignal<{ text: string; markup?: Markup }>({ text, markup });
  const host = document.createElement('h2');
  document.body.append(host);
  disposers.push(
    render(
      () =>
        createComponent(RichText, {
          get text() {
            return props().text;
          },
          get markup() {
            return props().markup;
          },
        }),
      host,
    ),
  );
  return { host, set: (next: { text: string; markup?: Markup }) => setProps(next) };
}

describe('RichText', () => {
  it('keeps plain text a text node, markup included', () => {
    const { host } = mount('<b>not bold</b> **nor this**');
    expect(host.childNodes).toHaveLength(1);
    expect(host.firstChild?.nodeType).toBe(Node.TEXT_NODE);
    expect(host.textContent).toBe('<b>not bold</b> **nor this**');
  });

  it('renders markup once its renderer has loaded, and follows the card as it changes', async () => {
    const { host, set } = mount('<b>bold</b><img src=x onerror="window.__xss=1">', 'html');
    await vi.waitFor(() => expect(host.querySelector('.rich-text b')?.textContent).toBe('bold'));
    expect(host.querySelector('img')).toBeNull();
    expect(host.querySelector('.rich-text')?.getAttribute('aria-busy')).toBeNull();

    set({ text: 'H~2~O and *air*', markup: 'markdown' });
    // The previous card's HTML never stays while the Markdown renderer loads.
    expect(host.querySelector('b')).toBeNull();
    await vi.waitFor(() => expect(host.querySelector('.rich-text sub')?.textContent).toBe('2'));
    expect(host.querySelector('.rich-text em')?.textContent).toBe('air');

    set({ text: 'plain *again*' });
    expect(host.querySelector('.rich-text')).toBeNull();
    expect(host.textContent).toBe('plain *again*');
  });
});
