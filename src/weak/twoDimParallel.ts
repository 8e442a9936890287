/**
 * 2-D engine jobs (src/weak/twoDim.ts) on worker threads: C22's table split by step size, C23's
 * sweep by scale and step size, the benchmark's table. Each job's rows do not depend on which thread
 * computed them (the engine is deterministic per problem), and the results come back in job order,
 * so the output is byte-identical to a run on one thread.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { HasmeInputError, isErrorCode } from '../errors.js';
import type { TwoDimProblem } from '../problems/types.js';
import { twoDimWeakRows, type TwoDimRow, type TwoDimRowsOptions } from './twoDim.js';

/** One call of twoDimWeakRows. */
export interface TwoDimJob {
  problem: TwoDimProblem;
  opts?: Omit<TwoDimRowsOptions, 'onProgress'>;
}

/** Threads for the 2-D jobs: both cores of the 2-core machines the targets are stated for, one where there is one. */
export const TWOD_WORKERS = Math.min(2, availableParallelism());

interface Reply {
  id: number;
  rows?: TwoDimRow[];
  error?: { message: string; code: string | null };
}

function toError(e: NonNullable<Reply['error']>): Error {
  return e.code && isErrorCode(e.code) ? new HasmeInputError(e.code, e.message.replace(`${e.code}: `, '')) : new Error(`2-D engine worker: ${e.message}`);
}

/** Rows of every job, in job order; `workers` ≤ 1 (or one job) runs them in this thread. */
export async function twoDimRowsParallel(jobs: readonly TwoDimJob[], workers = TWOD_WORKERS, onDone?: (done: number, total: number) => void): Promise<TwoDimRow[][]> {
  const results: TwoDimRow[][] = new Array(jobs.length);
  let done = 0;
  const finished = (k: number, rows: TwoDimRow[]) => {
    results[k] = rows;
    onDone?.(++done, jobs.length);
  };
  if (workers <= 1 || jobs.length <= 1) {
    jobs.forEach((j, k) => finished(k, twoDimWeakRows(j.problem, j.opts)));
    return results;
  }
  const pool = Array.from({ length: Math.min(workers, jobs.length) }, () => new Worker(new URL('./twoDimWorker.mjs', import.meta.url)));
  try {
    let next = 0;
    await Promise.all(
      pool.map(
        (w) =>
          new Promise<void>((resolve, reject) => {
            const submit = () => {
              if (next >= jobs.length) return resolve();
              const id = next++;
              w.postMessage({ id, problem: jobs[id].problem, opts: jobs[id].opts ?? {} });
            };
            w.on('message', (m: Reply) => {
              if (m.error || !m.rows) return reject(toError(m.error ?? { message: 'no rows', code: null }));
              finished(m.id, m.rows);
              submit();
            });
            w.on('error', reject);
            w.on('exit', (code) => reject(new Error(`2-D engine worker exited (code ${code}) with work pending`)));
            submit();
          }),
      ),
    );
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
  return results;
}

/** A 2-D problem's table with one job per step size (rows in the order twoDimWeakRows gives them). */
export async function twoDimTableParallel(p: TwoDimProblem, opts: TwoDimJob['opts'] = {}, workers = TWOD_WORKERS, onDone?: (done: number, total: number) => void): Promise<TwoDimRow[]> {
  const rows = await twoDimRowsParallel(p.etas.map((eta) => ({ problem: { ...p, etas: [eta] }, opts })), workers, onDone);
  return rows.flat();
}
