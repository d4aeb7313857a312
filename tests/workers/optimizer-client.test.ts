import { afterEach, describe, expect, it, vi } from 'vitest';
import { OptimizerCancelled, OptimizerInputError, runOptimizer } from '../../src/workers/optimizer-client';
import type { OptimizerMessage } from '../../src/workers/optimizer-protocol';

/** A stand-in for the optimizer worker: records what it is sent and whether it was stopped. */
class FakeWorker {
  static last: FakeWorker | null = null;
  onmessage: ((event: MessageEvent<OptimizerMessage>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  sent: unknown[] = [];
  terminated = false;
  constructor() {
    FakeWorker.last = this;
  }
  postMessage(message: unknown) {
    this.sent.push(message);
  }
  terminate() {
    this.terminated = true;
  }
  reply(message: OptimizerMessage) {
    this.onmessage?.({ data: message } as MessageEvent<OptimizerMessage>);
  }
}

const REQUEST = { histories: { grades: [3, 3], days: [0, 3], lengths: [2] } };

afterEach(() => {
  vi.unstubAllGlobals();
  FakeWorker.last = null;
});

describe('runOptimizer', () => {
  it('passes progress on and resolves with the result, stopping the worker', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const progress: number[] = [];
    const running = runOptimizer(REQUEST, (f) => progress.push(f));
    const worker = FakeWorker.last!;
    expect(worker.sent).toEqual([REQUEST]);
    worker.reply({ type: 'progress', fraction: 0.2 });
    worker.reply({ type: 'progress', fraction: 1 });
    const evaluation = { logLoss: 0.4, rmse: 0.02, reviews: 1 };
    const result = {
      parameters: [1],
      before: evaluation,
      after: evaluation,
      better: false,
      keptDefaults: false,
    };
    worker.reply({ type: 'done', result });
    await expect(running).resolves.toEqual(result);
    expect(progress).toEqual([0.2, 1]);
    expect(worker.terminated).toBe(true);
  });

  it('stops the worker at once when cancelled', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const controller = new AbortController();
    const running = runOptimizer(REQUEST, undefined, controller.signal);
    controller.abort();
    await expect(running).rejects.toBeInstanceOf(OptimizerCancelled);
    expect(FakeWorker.last!.terminated).toBe(true);
  });

  it('tells the learner’s mistakes from the optimizer’s failures', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const tooFew = runOptimizer(REQUEST);
    FakeWorker.last!.reply({ type: 'error', message: 'Optimizing needs reviews…', userError: true });
    await expect(tooFew).rejects.toBeInstanceOf(OptimizerInputError);
    const broken = runOptimizer(REQUEST);
    FakeWorker.last!.reply({ type: 'error', message: 'unreachable', userError: false });
    await expect(broken).rejects.not.toBeInstanceOf(OptimizerInputError);
  });
});
