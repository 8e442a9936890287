/**
 * Benchmark section 'cli': the compiled `hasme` command (bin/hasme.js → dist/) against the same
 * sources run through the tsx loader (the pre-build entry point, the baseline), by CPU time
 * (user + system, of the process and its children, so tsx's esbuild counts): start-up
 * (`--help`), serve throughput (the vector set's requests ×14), weak and explore. CPU time rather
 * than wall time, so a busy machine does not distort the ratio. Needs `npm run build` first.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Table from 'cli-table3';
import { requestOf } from '../src/formats/requests.js';
import type { VectorLine } from '../src/formats/types.js';

const RUNS = 3;
const COMPILED = 'node bin/hasme.js';
const TSX = `node --import tsx --input-type=module -e "const { main } = await import('./src/cli/main.ts'); await main(process.argv)" hasme`;

/** Median CPU seconds of `command` (a shell command line) over RUNS runs. */
function cpuSeconds(command: string): number {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const r = spawnSync('bash', ['-c', `TIMEFORMAT='%3U %3S'; time ${command} > /dev/null 2> /dev/null`], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`bench cli: \`${command}\` exited with ${r.status}`);
    const [user, sys] = r.stderr.trim().split('\n').at(-1)!.split(' ').map(Number);
    times.push(user + sys);
  }
  return times.sort((a, b) => a - b)[RUNS >> 1];
}

export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'hasme-bench-cli-'));
  try {
    const lines = ['vectors/coefficients.jsonl', 'vectors/moments.jsonl'].flatMap((f) => readFileSync(f, 'utf8').trim().split('\n'));
    const requests = Array.from({ length: 14 }, (_, r) => lines.map((l) => JSON.stringify({ ...requestOf(JSON.parse(l) as VectorLine), id: `r${r}-${(JSON.parse(l) as VectorLine).id}` }))).flat();
    const input = join(dir, 'requests.jsonl');
    writeFileSync(input, requests.join('\n') + '\n');
    const cases: [string, string, (cpu: number) => string][] = [
      ['hasme --help (start-up)', '--help', () => ''],
      [`hasme serve, ${requests.length} requests`, `serve < ${input}`, (cpu) => `${Math.round(requests.length / cpu)} requests per CPU second`],
      ['hasme weak --builtin finite-sum-d2n4', 'weak --builtin finite-sum-d2n4 --json', () => ''],
      ['hasme explore rotated2x2 --grid 100', `explore --family rotated2x2 --grid 100 --out ${join(dir, 'explore')}`, () => ''],
    ];
    const table = new Table({ head: ['command', 'tsx CPU s', 'compiled CPU s', 'speed-up', 'compiled'], style: { head: [], border: [] } });
    for (const [name, args, note] of cases) {
      const tsx = cpuSeconds(`${TSX} ${args}`);
      const compiled = cpuSeconds(`${COMPILED} ${args}`);
      table.push([name, tsx.toFixed(2), compiled.toFixed(2), `${(tsx / compiled).toFixed(2)}×`, note(compiled)]);
    }
    console.log(`Compiled CLI against the sources through tsx (median of ${RUNS}, CPU time)\n${table.toString()}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
