/**
 * Actions of `hasme explore` and `hasme explore merge`: argument checking, the run, and a readable
 * summary (or the JSON document on stdout with --json).
 */
import Table from 'cli-table3';
import { integerOption } from '../cli/options.js';
import { HasmeInputError } from '../errors.js';
import { FAMILIES, familyByName } from './families/index.js';
import { parseShard } from './grid.js';
import { mergeParts } from './merge.js';
import { flagOf, resolveParams } from './params.js';
import { explore, type RunResult } from './run.js';

const parseGrid = (text: string): number => integerOption('--grid', text, 2, 100_000, 'shape');
const parseWorkers = (text: string): number => integerOption('--workers', text, 1, 64, 'shape');

function listFamilies(): string {
  const t = new Table({ head: ['family', 'description', 'options (default)', 'grid'], colWidths: [15, 60, 28, 6], wordWrap: true, style: { head: [], border: [] } });
  for (const f of FAMILIES) {
    t.push([f.name, f.description, f.params.map((p) => `${flagOf(p.name)} ${p.default}`).join('\n'), String(f.defaultGrid)]);
  }
  return t.toString();
}

/** The families as JSON (`--list --json`): name, description, options with defaults, grid. */
function familiesJson(): string {
  return JSON.stringify(
    FAMILIES.map((f) => ({ name: f.name, description: f.description, options: f.params.map((p) => ({ flag: flagOf(p.name), description: p.description, default: p.default })), defaultGrid: f.defaultGrid })),
  );
}

function report(r: RunResult, title: string): void {
  console.log(r.summary.table(title));
  console.log(`${r.cells} cells in ${(r.ms / 1000).toFixed(2)} s; wrote:\n${r.files.map((f) => `  ${f}`).join('\n')}`);
}

/** `hasme explore --family NAME ...` */
export async function exploreCommand(opts: Record<string, string | boolean | undefined>, optionNames: string[]): Promise<void> {
  if (opts.list) {
    console.log(opts.json ? familiesJson() : listFamilies());
    return;
  }
  if (typeof opts.family !== 'string') throw new HasmeInputError('shape', `--family is required (one of ${FAMILIES.map((f) => f.name).join(', ')}); see --list`);
  const family = familyByName(opts.family);
  const given: Record<string, string | undefined> = {};
  for (const name of optionNames) if (typeof opts[name] === 'string') given[name] = opts[name] as string;
  const params = resolveParams(family, given, optionNames);
  const grid = typeof opts.grid === 'string' ? parseGrid(opts.grid) : family.defaultGrid;
  const shard = typeof opts.shard === 'string' ? parseShard(opts.shard) : undefined;
  const workers = typeof opts.workers === 'string' ? parseWorkers(opts.workers) : undefined;
  const r = await explore(family, params, {
    grid,
    shard,
    workers,
    force: opts.force === true,
    outDir: String(opts.out),
    stdout: opts.json ? process.stdout : undefined,
  });
  if (!opts.json) report(r, `${family.name}${shard ? ` shard ${shard.index}/${shard.count}` : ''}, ${grid}×${grid}`);
}

/** `hasme explore merge PART... --out DIR` */
export async function mergeCommand(parts: string[], opts: { out: string; json?: boolean }): Promise<void> {
  const r = await mergeParts(parts, familyByName, { outDir: opts.out, stdout: opts.json ? process.stdout : undefined });
  if (!opts.json) report(r, `merged ${parts.length} parts of ${r.header.family}`);
}
