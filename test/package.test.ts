/**
 * The installed package works without this checkout: `npm pack`, `npm install <tarball>` into an
 * empty directory (production dependencies, from the npm cache), then every main command of the
 * compiled CLI runs from there. Heavy: one pack and one install for the whole file.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestOf } from '../src/formats/requests.js';
import type { VectorLine } from '../src/formats/types.js';
import { installConsumer, packTarball, ROOT, run, treeBytes } from './packageInstall.js';

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string; devDependencies: Record<string, string> };

/** Install size limit for a consumer (production dependencies and the fast-check peer), bytes. */
const MAX_INSTALL_BYTES = 40e6;

let dir: string;
let hasme: string;
let installed: string;
let tarball: string;
const cli = (args: string[], input?: string) => {
  const p = run(hasme, args, { cwd: dir, maxBuffer: 1 << 26 });
  if (input !== undefined) p.child.stdin!.end(input);
  return p;
};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hasme-consumer-'));
  tarball = await packTarball(dir);
  await installConsumer(dir, { 'hasme-verify': tarball, 'fast-check': pkg.devDependencies['fast-check'] });
  hasme = join(dir, 'node_modules/.bin/hasme');
  installed = join(dir, 'node_modules/hasme-verify');
}, 600_000);

const userDirs: string[] = [];
afterAll(() => {
  for (const d of [dir, ...userDirs]) rmSync(d, { recursive: true, force: true });
});

describe('the packed tarball installed in an empty directory', () => {
  it(`installs in at most ${MAX_INSTALL_BYTES / 1e6} MB without a TypeScript loader`, () => {
    const bytes = treeBytes(join(dir, 'node_modules'));
    console.log(`consumer install: ${(bytes / 1e6).toFixed(1)} MB`);
    expect(bytes).toBeLessThanOrEqual(MAX_INSTALL_BYTES);
    for (const loader of ['tsx', 'typescript', 'esbuild']) expect(existsSync(join(dir, 'node_modules', loader)), loader).toBe(false);
  });

  it('--version prints the package version; --help lists the commands', async () => {
    expect((await cli(['--version'])).stdout.trim()).toBe(pkg.version);
    expect((await cli(['--help'])).stdout).toMatch(/serve[\s\S]*check[\s\S]*explore/);
  });

  // Timeouts: safety nets ≈ 10× the unloaded time of each test.
  it('serve answers a request, verify judges the answers, check passes serve on the shipped vectors', { timeout: 600_000 }, async () => {
    const vectors = readFileSync(join(installed, 'vectors/coefficients.jsonl'), 'utf8').trim().split('\n').slice(0, 8);
    const vectorsFile = join(dir, 'mini.jsonl');
    writeFileSync(vectorsFile, vectors.join('\n') + '\n');
    const requests = vectors.map((l) => JSON.stringify(requestOf(JSON.parse(l) as VectorLine))).join('\n') + '\n';
    const served = await cli(['serve'], requests);
    const answers = served.stdout.trim().split('\n');
    expect(answers).toHaveLength(8);
    writeFileSync(join(dir, 'answers.jsonl'), served.stdout);
    await cli(['verify', '--vectors', vectorsFile, '--answers', join(dir, 'answers.jsonl')]);
    const junit = join(dir, 'junit.xml');
    const checked = await cli(['check', '--ops', 'coefficients,moments', '--json', '--junit', junit, '--', hasme, 'serve']);
    expect(JSON.parse(checked.stdout)).toBeTruthy();
    expect(readFileSync(junit, 'utf8')).toMatch(/<testsuites[^>]*failures="0"/);
  });

  it('report, weak, explore and find run', { timeout: 600_000 }, async () => {
    const report = JSON.parse((await cli(['report', '--claims', 'C2', '--runs', '2', '--out', join(dir, 'report'), '--json'])).stdout) as { version: string; claims: { id: string; status: string }[] };
    expect(report.version).toBe(pkg.version);
    expect(report.claims.find((c) => c.id === 'C2')?.status).toBe('holds');
    expect(JSON.parse((await cli(['weak', '--builtin', 'quad-d3', '--json'])).stdout)).toHaveProperty('rows');
    // 64 × 64 cells on 2 workers: the compiled worker module (dist/src/explore/cellWorker.mjs) runs too.
    await cli(['explore', '--family', 'rotated2x2', '--grid', '64', '--workers', '2', '--out', join(dir, 'explore')]);
    expect(readFileSync(join(dir, 'explore/rotated2x2-regime.svg'), 'utf8')).toMatch(/^<svg/);
    const found = await cli(['find', '--claim', 'C7', '--runs', '20', '--json']).catch((e: { stdout: string; code: number }) => e);
    expect(found.stdout).toMatch(/"path"/);
  });

  it('README “Property-test your implementation”: its one command runs from a directory without package.json (npx, the tarball, the README’s Python example)', { timeout: 600_000 }, async () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Property-test your implementation'));
    const command = /^npx --yes --package=\.\/(\S+) (hasme check --properties .*) -- (python3 \S+)$/m.exec(section);
    expect(command, 'the README shows the tarball command').not.toBeNull();
    const [, file, check, program] = command!;
    expect(file).toBe(`hasme-verify-${pkg.version}.tgz`);
    const user = mkdtempSync(join(tmpdir(), 'hasme-python-repo-'));
    userDirs.push(user);
    copyFileSync(tarball, join(user, file));
    const code = /```python\n([\s\S]*?)```/.exec(readme.slice(readme.indexOf('## Validate your implementation')))![1];
    writeFileSync(join(user, program.split(' ')[1]), code);
    // The README's command with a small budget (--runs 4): the default 100 runs are timed in spec/protocol.md §12.
    const args = [...check.split(' ').slice(1), '--runs', '4', '--', ...program.split(' ')];
    const out = await run('npx', ['--yes', `--package=./${file}`, 'hasme', ...args], { cwd: user, maxBuffer: 1 << 26, env: { ...process.env, npm_config_prefer_offline: 'true' } });
    expect(existsSync(join(user, 'package.json'))).toBe(false);
    expect(out.stdout).toMatch(/PASS: 6 claim checks hold/);
    expect(readFileSync(join(user, 'hasme-properties.xml'), 'utf8')).toMatch(/<testsuites name="hasme" tests="\d+" failures="0">/);
  });
});
