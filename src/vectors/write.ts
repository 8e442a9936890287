/** `hasme vectors --out DIR`: computes the vector set and writes coefficients.jsonl, moments.jsonl and manifest.json. */
import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import cliProgress from 'cli-progress';
import Table from 'cli-table3';
import { tableStyle } from '../cli/color.js';
import { HasmeInputError } from '../errors.js';
import { writeFileAtomicSync } from '../io/atomicWrite.js';
import type { VectorLine } from '../formats/types.js';
import { generateVectors, VECTOR_SEED } from './generate.js';
import { writeManifest } from './manifest.js';

function tagCounts(lines: VectorLine[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const l of lines) for (const t of l.tags) counts.set(t, (counts.get(t) ?? 0) + 1);
  return counts;
}

export function writeVectors(out: string, seed = VECTOR_SEED): void {
  if (!Number.isSafeInteger(seed)) throw new HasmeInputError('parse', `--seed must be an integer, got ${seed}`);
  const bar = process.stderr.isTTY ? new cliProgress.SingleBar({ format: 'vectors [{bar}] {value}/{total} problems | {eta}s left' }, cliProgress.Presets.shades_classic) : null;
  let started = false;
  const set = generateVectors(seed, (done, total) => {
    if (bar && !started) {
      bar.start(total, 0);
      started = true;
    }
    bar?.update(done);
  });
  bar?.stop();
  mkdirSync(out, { recursive: true });
  const files: [string, VectorLine[]][] = [
    ['coefficients.jsonl', set.coefficients],
    ['moments.jsonl', set.moments],
  ];
  const table = new Table({ head: ['file', 'cases', 'singular', 'with rtol', 'bytes'], style: tableStyle() });
  for (const [name, lines] of files) {
    const path = join(out, name);
    writeFileAtomicSync(path, lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
    const singular = lines.filter((l) => 'error' in l.expected).length;
    table.push([path, lines.length, singular, lines.filter((l) => l.rtol !== undefined).length, statSync(path).size]);
  }
  console.log(table.toString());
  const tags = new Table({ head: ['tag', ...files.map(([n]) => n)], style: tableStyle() });
  const counts = files.map(([, lines]) => tagCounts(lines));
  const names = [...new Set(counts.flatMap((c) => [...c.keys()]))].sort();
  for (const t of names) tags.push([t, ...counts.map((c) => c.get(t) ?? 0)]);
  console.log(tags.toString());
  console.log(`wrote ${writeManifest(out, seed)}`);
}
