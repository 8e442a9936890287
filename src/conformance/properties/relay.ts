/** Messages between the main thread and the claim worker of `hasme check --properties`. */
import type { ClaimId, ClaimOutcome } from '../../claims/types.js';
import type { Op } from '../../formats/types.js';

/** What the worker is started with. */
export interface WorkerInput {
  /** SharedArrayBuffer of one Int32: 0 while a request is outstanding, 1 when its answer is on the port. */
  flag: SharedArrayBuffer;
  /** The worker's end of the request channel. */
  port: unknown;
  ops: Op[];
  unitRoundoff: number;
  runs: number;
  seed: number;
  sampleN: number;
  /** Row keys to run (undefined: all). */
  claims?: string[];
  replay?: { property: number; path: string };
}

/** Cap on one coefficients/moments answer (as in `check`, spec/protocol.md §7). */
export const RESULT_LINE_CAP = 1 << 20;

/** Cap on an answer: 1 MiB, or for `sample` 40·n·d bytes + 64 KiB (spec/protocol.md §7). */
export function answerCap(op: string, n: number, d: number): number {
  return op === 'sample' ? n * d * 40 + (1 << 16) : RESULT_LINE_CAP;
}

/** A request the worker needs answered. */
export interface RelayRequest {
  id: string;
  line: string;
  maxBytes: number;
}

/** The main thread's reply: the decoded answer, or why the implementation cannot answer. */
export type RelayAnswer = { answer: unknown; fault?: undefined } | { fault: string; answer?: undefined };

/** Worker → main: one `row` per claim row, then `done`. */
export type WorkerMessage =
  | {
      type: 'row';
      index: number;
      id: ClaimId;
      part?: 'sample';
      title?: string;
      outcome?: ClaimOutcome;
      notApplicable?: string;
      notRun?: string;
      /** Set when the implementation died during this row. */
      fault?: string;
      /** Requests this row sent. */
      requests?: number;
    }
  | { type: 'done' };
