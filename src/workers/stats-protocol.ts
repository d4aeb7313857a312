/** The messages between the app and the statistics worker: plain, cloneable data. */
import type { Stats, StatsContext } from '../domain/stats';

export type StatsRequest = StatsContext;

/**
 * The worker answers with the numbers as they stand while it reads (`complete` false: older reviews are
 * still to come), then with the final numbers; or with why it failed.
 */
export type StatsResponse = { ok: true; stats: Stats; complete: boolean } | { ok: false; message: string };
