/**
 * Cells computed by worker threads, yielded in grid order. Work goes out in chunks and at most a
 * few chunks per worker are in flight, so memory stays flat in grid size.
 */
import { Worker } from 'node:worker_threads';
import { HasmeInputError, isErrorCode } from '../errors.js';
import { axisPoint, type GridPoint } from './grid.js';
import type { Cell, FamilyParams, RunHeader } from './types.js';

/** Cells per task sent to a worker. */
const CHUNK = 400;
/** Tasks in flight per worker. */
const DEPTH = 3;
/** Below this many cells, starting workers (~0.3 s each) costs more than it saves. */
export const PARALLEL_MIN_CELLS = 4000;

interface Reply {
  id: number;
  cells?: Cell[];
  error?: { message: string; code: string | null };
}

function toError(e: NonNullable<Reply['error']>): Error {
  // Messages from HasmeInputError already start with "code: "; keep them unchanged.
  return e.code && isErrorCode(e.code) ? new HasmeInputError(e.code, e.message.replace(`${e.code}: `, '')) : new Error(`explore worker: ${e.message}`);
}

/** Evaluates grid indices [start, end) on `workers` threads, yielding cells in order. */
export async function* parallelCells(
  family: string,
  params: FamilyParams,
  header: RunHeader,
  start: number,
  end: number,
  workers: number,
): AsyncGenerator<{ cell: Cell; point: GridPoint }> {
  const url = new URL('./cellWorker.mjs', import.meta.url);
  const pool = Array.from({ length: workers }, () => new Worker(url, { workerData: { family, params } }));
  const pending = new Map<number, { resolve: (r: Reply) => void; reject: (e: Error) => void }>();
  const failAll = (err: Error) => {
    for (const p of pending.values()) p.reject(err);
    pending.clear();
  };
  for (const w of pool) {
    w.on('message', (m: Reply) => {
      pending.get(m.id)?.resolve(m);
      pending.delete(m.id);
    });
    w.on('error', failAll);
    // A worker that dies without an error event must not leave its chunks waiting forever.
    w.on('exit', (code) => failAll(new Error(`explore worker exited (code ${code}) with work pending`)));
  }
  const { x, y } = header.axes;
  const queue: { id: number; start: number; reply: Promise<Reply> }[] = [];
  let next = start;
  let id = 0;
  const submit = () => {
    const s = next;
    const e = Math.min(end, s + CHUNK);
    next = e;
    const task = { id: id++, start: s, end: e, axes: header.axes };
    const reply = new Promise<Reply>((resolve, reject) => pending.set(task.id, { resolve, reject }));
    reply.catch(() => {}); // awaited in order below; a failure of a later chunk must not go unhandled
    pool[task.id % workers].postMessage(task);
    queue.push({ id: task.id, start: s, reply });
  };
  try {
    while (next < end && queue.length < workers * DEPTH) submit();
    while (queue.length) {
      const head = queue.shift()!;
      const r = await head.reply;
      if (r.error) throw toError(r.error);
      if (next < end) submit();
      for (let k = 0; k < r.cells!.length; k++) {
        const index = head.start + k;
        const iy = Math.floor(index / x.n);
        const ix = index - iy * x.n;
        yield { cell: r.cells![k], point: { index, ix, iy, x: axisPoint(x, ix), y: axisPoint(y, iy) } };
      }
    }
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
}
