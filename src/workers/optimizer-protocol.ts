/** The messages between the app and the optimizer worker (plain data). */
import type { OptimizeRequest, OptimizeResult } from './optimizer/run-optimizer';

export type { OptimizeRequest, OptimizeResult };

export type OptimizerMessage =
  /** Training has done `fraction` (0-1) of its work. */
  | { type: 'progress'; fraction: number }
  | { type: 'done'; result: OptimizeResult }
  /** `userError`: the reviews cannot be optimized (the message says why); otherwise the optimizer failed. */
  | { type: 'error'; message: string; userError: boolean };
