/**
 * Issue 13 items 1 and 8: the shared output and input helpers. Files appear only complete
 * (temp + rename, src/io/atomicWrite.ts), and every writer of the project goes through them;
 * input lines are read with caps (src/io/lines.ts).
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { AtomicFile, requireWritableFile, writeFileAtomic, writeFileAtomicSync } from '../src/io/atomicWrite.js';
import { boundedLines } from '../src/io/lines.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [join(dir, e.name)] : []));
}

describe('atomic writes (item 1)', () => {
  it('an aborted stream leaves the previous file byte for byte, and no temporary file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'hasme-io-'));
    const path = join(dir, 'out.json');
    writeFileSync(path, 'previous');
    const f = new AtomicFile(path);
    f.stream.write('half of a new fi');
    await f.abort();
    expect(readFileSync(path, 'utf8')).toBe('previous');
    expect(readdirSync(dir)).toEqual(['out.json']);
    const g = new AtomicFile(path);
    g.stream.write('new');
    await g.commit();
    expect(readFileSync(path, 'utf8')).toBe('new');
    expect(readdirSync(dir)).toEqual(['out.json']);
  });

  it('a failed write (target is a directory) leaves no temporary file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'hasme-io-'));
    await expect(writeFileAtomic(dir, 'x')).rejects.toThrow();
    expect(() => writeFileAtomicSync(dir, 'x')).toThrow();
    expect(readdirSync(join(dir, '..')).filter((f) => f.includes(`.${dir.split('/').pop()}.`))).toEqual([]);
  });

  it('requireWritableFile names a missing directory and a directory target', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'hasme-io-'));
    expect(() => requireWritableFile('--junit', join(dir, 'x.xml'))).not.toThrow();
    expect(() => requireWritableFile('--junit', dir)).toThrow(/is a directory/);
    expect(() => requireWritableFile('--junit', '/no/such/x.xml')).toThrow(/directory \/no\/such does not exist/);
  });

  it('no module outside src/io writes files directly (report, vectors, explore, merge, JUnit all go through it)', () => {
    const direct = /\b(writeFileSync|writeFile|createWriteStream|appendFileSync|appendFile)\s*\(/;
    const offenders = [...sources(join(ROOT, 'src')), ...sources(join(ROOT, 'reference'))]
      .filter((f) => !f.includes(`${join('src', 'io')}`))
      .filter((f) => direct.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });
});

describe('bounded line reading (item 8)', () => {
  it('yields lines with their numbers, a last line without newline included', async () => {
    const file = join(await mkdtemp(join(tmpdir(), 'hasme-io-')), 'a.txt');
    writeFileSync(file, 'one\n\nthree');
    const got: string[] = [];
    for await (const l of boundedLines(file, { maxLineBytes: 10, maxTotalBytes: 100, maxLines: 10, what: 'test' })) got.push(`${l.lineNo}:${l.text}`);
    expect(got).toEqual(['1:one', '2:', '3:three']);
  });

  it('refuses a long line, a large file and too many lines, by name', async () => {
    const file = join(await mkdtemp(join(tmpdir(), 'hasme-io-')), 'a.txt');
    const read = async (text: string, limits: { maxLineBytes: number; maxTotalBytes: number; maxLines: number }) => {
      writeFileSync(file, text);
      for await (const _ of boundedLines(file, { ...limits, what: 'test file' })) void _;
    };
    await expect(read('x'.repeat(11), { maxLineBytes: 10, maxTotalBytes: 100, maxLines: 10 })).rejects.toThrow(/test file: line 1 is longer than the limit/);
    await expect(read('x\n'.repeat(60), { maxLineBytes: 10, maxTotalBytes: 100, maxLines: 100 })).rejects.toThrow(/larger than the limit/);
    await expect(read('x\n'.repeat(11), { maxLineBytes: 10, maxTotalBytes: 100, maxLines: 10 })).rejects.toThrow(/more than the limit of 10 lines/);
  });
});
