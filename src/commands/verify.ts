import type { Command } from 'commander';
import { DEFAULT_RTOL, MAX_RTOL } from '../conformance/defaults.js';

/** `hasme verify`: judge an answers file against conformance vectors (spec/protocol.md). */
export function register(program: Command): void {
  program
    .command('verify')
    .description('Compare an answers file with conformance vectors, case by case')
    .requiredOption('--vectors <path>', 'vector file (.jsonl) or directory of them')
    .requiredOption('--answers <file>', 'answers: one JSON response line per case, any order')
    .option('--rtol <r>', "relative tolerance (a case's own larger rtol wins)", String(DEFAULT_RTOL))
    .option('--junit <file>', 'also write JUnit XML')
    .option('--json', 'print the verdicts as JSON instead of a table')
    .option('--show <n>', 'list the first N failing cases in full (inputs, expected, received, error per output)', '0')
    .action(async (o: { vectors: string; answers: string; rtol: string; junit?: string; json?: boolean; show: string }) => {
      const { positive, positiveInt } = await import('../conformance/cliOptions.js');
      const { explainVectors, diagnoseVectors, failureGroups } = await import('../conformance/explain.js');
      const { runVerify } = await import('../conformance/verify.js');
      const { emit } = await import('../conformance/report.js');
      const { requireWritableFile } = await import('../io/atomicWrite.js');
      const rtol = positive('--rtol', o.rtol, DEFAULT_RTOL, MAX_RTOL);
      if (o.junit) requireWritableFile('--junit', o.junit);
      const j = await runVerify({ vectors: o.vectors, answers: o.answers, rtol });
      const extra = o.json ? { groups: failureGroups(j), diagnosis: diagnoseVectors(j) } : {};
      emit(j, { json: o.json, junit: o.junit, title: `hasme verify: ${o.answers} against ${o.vectors} (rtol ${rtol})`, extra: { rtol, ...extra } });
      if (!o.json) for (const line of explainVectors(j, positiveInt('--show', o.show, 0, 0))) process.stdout.write(`${line}\n`);
    });
}
