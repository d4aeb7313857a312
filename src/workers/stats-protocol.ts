/** The messages between the app and the statistics worker: plain, cloneable data. */
import type { Stats, StatsContext } from '../domain/stats';

export type StatsRequest = StatsContext;

export type StatsResponse = { ok: true; stats: Stats } | { ok: false; message: string };
