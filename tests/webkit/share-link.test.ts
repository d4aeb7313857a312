/**
 * A share link opened in WebKit, at phone size against the production build: the deck in the fragment is
 * previewed, imported on confirmation and studied, with its Markdown rendered and sanitized.
 */
import { describe, expect, it } from 'vitest';
import { encodeShareLink } from '../../src/domain/share-link';
import type { CardRecord } from '../../src/domain/types';
import { deckFile } from '../storage/helpers';
import { answer, tapDialogButton } from './actions';
import { baseUrl, useSessions } from './session';
import { getByRole, getByText, pageErrors, readStore, tapRole } from './webkit';

const url = baseUrl();
const session = useSessions();

describe('share links in WebKit', () => {
  it('open in the import preview, import on confirmation and study with Markdown rendered', async () => {
    const deck = deckFile('webkit-shared', 2, { title: 'Shared in WebKit' });
    deck.cards[0] = {
      ...deck.cards[0]!,
      markup: 'markdown',
      front: 'Which agent is **first line** for H~2~O <img src=x onerror="window.__xss=1">?',
      back: 'Answer with *emphasis*',
    };
    deck.cards[1] = { ...deck.cards[1]!, markup: 'markdown', front: 'Second **card**', back: 'Two' };
    const link = encodeShareLink(deck);
    if (!link.ok) throw new Error('the test deck must fit in a link');

    const b = await session();
    await b.url(`${url}${link.fragment}`);
    await getByText(b, 'Import “Shared in WebKit”?');
    expect(await b.$('dialog[open]').getText()).toContain('2 new');
    await tapDialogButton(b, 'Import');
    await getByText(b, '2 cards added, 0 updated.');
    // The fragment is gone, so a reload does not offer the deck again.
    expect(await b.execute(() => location.hash)).toBe('#/decks');
    await tapDialogButton(b, 'Open deck');
    await getByRole(b, 'heading', 'Shared in WebKit');

    await tapRole(b, 'button', 'Study');
    await getByRole(b, 'button', /^Show answer/);
    const strong = await b.execute(() => document.querySelector('#card-front strong')?.textContent ?? '');
    expect(['first line', 'card']).toContain(strong);
    expect(
      await b.execute(() => document.querySelectorAll('#card-front img, #card-front [onerror]').length),
    ).toBe(0);
    await answer(b, 'Good');
    expect(await b.execute(() => typeof (window as unknown as { __xss?: number }).__xss)).toBe('undefined');
    const cards = (await readStore<CardRecord>(b, 'cards')).filter((c) => c.deckId === 'webkit-shared');
    expect(cards).toHaveLength(2);
    expect(await pageErrors(b)).toEqual([]);
  });
});
