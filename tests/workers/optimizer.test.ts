/**
 * The FSRS optimizer itself (fsrs-browser's WebAssembly, run in Node single-threaded with `initSync`; no
 * thread pool is started, as in the app's worker), on a realistic synthetic log with known weights.
 */
import { readFileSync } from 'node:fs';
import type * as FsrsBrowser from 'fsrs-browser';
import { beforeAll, describe, expect, it } from 'vitest';
import { evaluateParameters } from '../../src/domain/optimizer';
import {
  DEFAULT_PARAMETERS,
  FSRS_PARAMETER_COUNT,
  makeMemoryModel,
  type MemoryState,
} from '../../src/domain/scheduler';
import { Grade } from '../../src/domain/types';
import { NotEnoughReviews, optimize, type FsrsBinding } from '../../src/workers/optimizer/run-optimizer';
import { simulateCards, toHistories, TRUE_PARAMETERS } from '../fixtures/synthetic-reviews';

let fsrs: typeof FsrsBrowser;

beforeAll(async () => {
  // fsrs-browser's thread-pool helper listens for messages on `self` when it loads; Node has no `self`.
  const scope = globalThis as unknown as { self?: unknown; addEventListener?: unknown };
  scope.self ??= globalThis;
  scope.addEventListener ??= () => undefined;
  fsrs = await import('fsrs-browser');
  fsrs.initSync({ module: readFileSync('node_modules/fsrs-browser/fsrs_browser_bg.wasm') });
});

/** fsrs-rs logs each epoch with console.info; the tests keep the output quiet. */
function quietly<T>(run: () => T): T {
  const info = console.info;
  console.info = () => undefined;
  try {
    return run();
  } finally {
    console.info = info;
  }
}

describe('fsrs-browser 5.2.0', () => {
  it('returns 21 FSRS-6 weights, the count ts-fsrs 5 takes', () => {
    const histories = toHistories(simulateCards({ cards: 200, days: 200, seed: 3 }));
    const { parameters } = quietly(() => optimize({ Fsrs: fsrs.Fsrs }, { histories }));
    expect(parameters).toHaveLength(FSRS_PARAMETER_COUNT);
    expect(parameters.every(Number.isFinite)).toBe(true);
  });

  it.each([
    ['the defaults', DEFAULT_PARAMETERS],
    ['the simulated learner’s weights', TRUE_PARAMETERS],
  ])('computes the same memory states as ts-fsrs with %s', (_, parameters) => {
    const grades: Grade[] = [
      Grade.Again,
      Grade.Good,
      Grade.Good,
      Grade.Hard,
      Grade.Again,
      Grade.Good,
      Grade.Easy,
    ];
    const days = [0, 0, 1, 4, 12, 0, 9];
    const model = makeMemoryModel(parameters);
    const engine = new fsrs.Fsrs(new Float32Array(parameters));
    let state: MemoryState | null = null;
    for (let i = 0; i < grades.length; i++) {
      state = model.next(state, days[i]!, grades[i]!);
      const [stability, difficulty] = engine.memoryState(
        new Uint32Array(grades.slice(0, i + 1)),
        new Uint32Array(days.slice(0, i + 1)),
      );
      expect(stability).toBeCloseTo(state.stability, 2);
      expect(difficulty).toBeCloseTo(state.difficulty, 3);
    }
  });
});

describe('optimize', () => {
  it('fits weights on 70% of a synthetic log that beat the defaults on the other 30% and come close to the truth', () => {
    const cards = simulateCards({ cards: 2000, days: 365, seed: 42 });
    const train = toHistories(cards.filter((_, i) => i % 10 < 7));
    const heldOut = toHistories(cards.filter((_, i) => i % 10 >= 7));
    const result = quietly(() => optimize({ Fsrs: fsrs.Fsrs }, { histories: train }));
    expect(result.better).toBe(true);
    expect(result.after.logLoss).toBeLessThan(result.before.logLoss);

    const fitted = evaluateParameters(result.parameters, heldOut);
    const defaults = evaluateParameters(DEFAULT_PARAMETERS, heldOut);
    const truth = evaluateParameters(TRUE_PARAMETERS, heldOut);
    expect(fitted.reviews).toBeGreaterThan(3000);
    expect(fitted.logLoss).toBeLessThan(defaults.logLoss);
    // Within 1% of the best possible (the weights the log was drawn from).
    expect(fitted.logLoss - truth.logLoss).toBeLessThan(0.01 * truth.logLoss);
    expect(fitted.rmse).toBeLessThan(defaults.rmse);
  }, 120_000);

  it('offers nothing when fsrs-rs keeps the defaults for want of reviews', () => {
    const histories = toHistories(simulateCards({ cards: 10, days: 60, seed: 10 }));
    const result = quietly(() => optimize({ Fsrs: fsrs.Fsrs }, { histories }));
    expect(result.keptDefaults).toBe(true);
    expect(result.better).toBe(false);
  });

  it('says how many reviews are missing when there are too few to learn from', () => {
    expect(() =>
      optimize({ Fsrs: fsrs.Fsrs } as FsrsBinding, {
        histories: { grades: [3, 3], days: [0, 2], lengths: [2] },
      }),
    ).toThrow(NotEnoughReviews);
  });
});
