/**
 * Matching answers to cases by id and judging each as it arrives (spec/protocol.md §Verdicts):
 * shared by `hasme verify` (answers from a file) and `hasme check` (answers streamed from a
 * running implementation). Unknown ids, duplicate answers and answers without an id are
 * problems of the run; a duplicate also fails its case; a case never answered fails as missing.
 */
import type { VectorLine } from '../formats/types.js';
import type { SampleCase } from './sampleCases.js';
import { judgeCase, type CaseVerdict } from './verdict.js';
import { sampleMoments } from './explain.js';

/** Judges a sample answer (src/conformance/sampleTest.ts; injected so that runs without `sample` never load the statistics). */
export type SampleJudge = (c: SampleCase, answer: unknown) => CaseVerdict;

/** A case to be answered: a conformance vector or a sampling case. */
export type Case = { kind: 'vector'; vector: VectorLine } | { kind: 'sample'; sample: SampleCase };

export function caseId(c: Case): string {
  return c.kind === 'vector' ? c.vector.id : c.sample.request.id;
}

/** The outcome of a run or of an answers file. */
export interface Judgement {
  /** One verdict per case, in case order. */
  verdicts: CaseVerdict[];
  /** Problems of the run as a whole (unknown ids, garbage, time-outs, crashes). */
  problems: string[];
  /** True when every case passed and there was no problem. */
  pass: boolean;
  /** The cases, in order, and the answers of failing cases (sample answers as their sample moments), for explanations. */
  cases?: readonly Case[];
  failedAnswers?: ReadonlyMap<string, unknown>;
}

/** Problems kept in full; beyond this they are counted (a flood of stray lines stays small). */
export const MAX_KEPT_PROBLEMS = 100;

/** Collects answers for a fixed list of cases. */
export class Judge {
  private readonly cases = new Map<string, Case>();
  private readonly verdicts = new Map<string, CaseVerdict>();
  private readonly problems: string[] = [];
  private droppedProblems = 0;
  private readonly failedAnswers = new Map<string, unknown>();

  constructor(
    private readonly order: readonly Case[],
    private readonly rtol: number,
    private readonly judgeSample?: SampleJudge,
  ) {
    for (const c of order) {
      if (c.kind === 'sample' && !judgeSample) throw new Error('Judge: sample cases need a sample judge');
      this.cases.set(caseId(c), c);
    }
  }

  /**
   * Takes one decoded response (`where` locates it in messages, e.g. "stdout line 12").
   * @returns 'answered' when it was the first answer to a known case.
   */
  offer(value: unknown, where: string): 'answered' | 'other' {
    const obj = typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
    const id = obj?.id;
    if (typeof id !== 'string') {
      const err = obj && typeof obj.error === 'string' ? ` (error "${obj.error}"${typeof obj.message === 'string' ? `: ${obj.message}` : ''})` : '';
      this.problem(`${where}: response without a string id${err}`);
      return 'other';
    }
    const c = this.cases.get(id);
    if (!c) {
      this.problem(`${where}: unknown id "${id}"`);
      return 'other';
    }
    const previous = this.verdicts.get(id);
    if (previous) {
      this.problem(`${where}: duplicate answer for "${id}"`);
      this.verdicts.set(id, { ...previous, pass: false, message: `answered more than once; first answer: ${previous.message}` });
      return 'other';
    }
    const verdict = c.kind === 'vector' ? judgeCase(c.vector, value, this.rtol) : (this.judgeSample as SampleJudge)(c.sample, value);
    this.verdicts.set(id, verdict);
    if (!verdict.pass) this.failedAnswers.set(id, c.kind === 'vector' ? value : sampleMoments(value));
    return 'answered';
  }

  /** Records a problem of the run as a whole. */
  problem(text: string): void {
    if (this.problems.length < MAX_KEPT_PROBLEMS) this.problems.push(text);
    else this.droppedProblems++;
  }

  /** Final verdicts: unanswered cases fail with `missingReason`. */
  finish(missingReason = 'no answer'): Judgement {
    const verdicts = this.order.map((c) => {
      const v = this.verdicts.get(caseId(c));
      if (v) return v;
      const id = caseId(c);
      const op = c.kind === 'vector' ? c.vector.op : ('sample' as const);
      const model = c.kind === 'vector' ? c.vector.model : c.sample.request.model;
      return { id, op, model, pass: false, rtol: this.rtol, outputs: [], message: `missing: ${missingReason}` } satisfies CaseVerdict;
    });
    const problems = this.droppedProblems > 0 ? [...this.problems, `... and ${this.droppedProblems} more problems (not kept)`] : [...this.problems];
    return { verdicts, problems, pass: problems.length === 0 && verdicts.every((v) => v.pass), cases: this.order, failedAnswers: this.failedAnswers };
  }
}
