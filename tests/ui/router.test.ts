import { describe, expect, it } from 'vitest';
import { encodeShareLink } from '../../src/domain/share-link';
import { href, parseRoute } from '../../src/ui/router';

describe('router', () => {
  it.each([
    ['#deck=1.abc', { name: 'shared-deck', payload: '1.abc' }],
    ['#deck=', { name: 'shared-deck', payload: '' }],
    ['#deck=2.x/y', { name: 'shared-deck', payload: '2.x/y' }],
    ['#/decks/deck=1', { name: 'deck', deckId: 'deck=1' }],
    ['#/deck=1.abc', { name: 'not-found', path: '/deck=1.abc' }],
    ['#/exam', { name: 'exam' }],
    ['#/study/exam/e%201', { name: 'study-exam', examId: 'e 1' }],
    ['#/study/exam', { name: 'study', deckId: 'exam' }],
    ['#/exam/x', { name: 'not-found', path: '/exam/x' }],
    ['#/quiz', { name: 'quiz' }],
    ['#/stats', { name: 'stats' }],
    ['#/stats/extra', { name: 'not-found', path: '/stats/extra' }],
    ['#/quiz/quiz-abc%2F1/study', { name: 'quiz-study', quizId: 'quiz-abc/1' }],
    ['#/quiz/quiz-abc', { name: 'not-found', path: '/quiz/quiz-abc' }],
  ])('parses %s', (hash, route) => {
    expect(parseRoute(hash)).toEqual(route);
  });

  it.each([{ name: 'exam' } as const, { name: 'study-exam', examId: 'e 1/2' } as const])(
    'gives $name an href that parses back to it',
    (route) => {
      expect(parseRoute(href(route))).toEqual(route);
    },
  );

  it.each(['#/quiz', '#/quiz/quiz-abc%2F1/study', '#/stats'])(
    'gives %s back as the href of its route',
    (hash) => {
      expect(href(parseRoute(hash))).toBe(hash);
    },
  );

  it('takes a share link as a shared deck, and its href is the link again', () => {
    const link = encodeShareLink({
      format: 'sarcomet-deck',
      version: 1,
      id: 'd',
      title: 'D',
      description: '',
      language: 'en',
      tags: [],
      cards: [{ id: 'c', factId: 'c', kind: 'qa', front: 'F', back: 'B', tags: [] }],
    });
    if (!link.ok) throw new Error('not encoded');
    const route = parseRoute(link.fragment);
    expect(route.name).toBe('shared-deck');
    expect(href(route)).toBe(link.fragment);
  });
});
