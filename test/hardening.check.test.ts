/**
 * Issue 13 items 4, 5, 7, 8, 11, 12 for `hasme check` and `hasme verify`: hostile implementations
 * (junk floods, control characters, leaked background processes, SIGHUP to the harness) and
 * absurd options are handled with a bounded, clear result; nothing is left running.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../src/cli/main.js';
import { runCheck } from '../src/conformance/check.js';
import { runVerify } from '../src/conformance/verify.js';
import { renderSummary, junitXML, judgementJSON } from '../src/conformance/report.js';
import { HasmeInputError } from '../src/errors.js';
import { printable } from '../src/formats/printable.js';
import { miniVectorsFile } from './fixtures/impls/vectorSet.js';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const PY = join(HERE, 'fixtures/impls/hasme_impl.py');
const quick = { vectors: miniVectorsFile(), ops: ['coefficients' as const], rtol: 1e-9 };
const py = (code: string) => ({ command: 'python3', args: ['-c', code] });

function alive(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

/** Parses `hasme ...` in-process; resolves with the error thrown (or undefined). */
async function cli(args: string[]): Promise<unknown> {
  try {
    await buildProgram().parseAsync(['node', 'hasme', ...args]);
    return undefined;
  } catch (err) {
    return err;
  }
}

describe('check: options refused before anything runs (items 4, 5)', () => {
  it('--sample-n above the protocol cap 10⁷ is refused', async () => {
    const err = await cli(['check', '--sample-n', '20000000', '--', 'true']);
    expect(err).toBeInstanceOf(HasmeInputError);
    expect((err as Error).message).toMatch(/--sample-n must be in \[100, 10000000\]/);
  });

  it('--rtol above 1 is refused (check and verify)', async () => {
    expect(await cli(['check', '--rtol', '1e300', '--', 'true'])).toBeInstanceOf(HasmeInputError);
    expect(await cli(['verify', '--vectors', miniVectorsFile(), '--answers', '/dev/null', '--rtol', '1e300'])).toBeInstanceOf(HasmeInputError);
  });

  it('an unwritable --junit is refused before the implementation starts', async () => {
    const t0 = Date.now();
    const err = await cli(['check', '--junit', '/no/such/dir/x.xml', '--ops', 'coefficients', '--vectors', miniVectorsFile(), '--', 'python3', '-c', 'import time; time.sleep(20)']);
    expect(err).toBeInstanceOf(HasmeInputError);
    expect((err as Error).message).toMatch(/--junit: cannot write \/no\/such\/dir\/x\.xml: directory \/no\/such\/dir does not exist/);
    expect(Date.now() - t0).toBeLessThan(60_000); // safety net: refused before the 20 s sleep ends, and far before a run
  });
});

describe('check: floods stay bounded (item 7)', () => {
  it('200 000 junk lines: at most 20 kept, the rest counted; the exit names the junk', async () => {
    const r = await runCheck({ ...quick, ...py('import sys\nsys.stdin.readline()\nsys.stdout.write("junk line\\n" * 200000)') });
    expect(r.pass).toBe(false);
    expect(r.problems.length).toBeLessThanOrEqual(23);
    expect(r.problems).toContainEqual('... and 199980 more stdout lines that are not JSON (200000 in all)');
    expect(r.problems).toContainEqual(expect.stringMatching(/^implementation exited with code 0 before answering \(200000 stdout line\(s\) were not JSON\)/));
    expect(junitXML(r).length).toBeLessThan(50_000);
  });

  it('100 000 JSON lines without an id: problems kept up to a cap, the rest counted', async () => {
    const r = await runCheck({ ...quick, ...py('import sys\nsys.stdin.readline()\nsys.stdout.write("{}\\n" * 100000)') });
    expect(r.problems.length).toBeLessThanOrEqual(110);
    expect(r.problems).toContainEqual(expect.stringMatching(/^\.\.\. and \d+ more problems \(not kept\)$/));
  });
});

describe('check: control characters from the implementation are escaped (item 12)', () => {
  it('ESC, BEL, NUL and bidi overrides in error messages never reach the table, JSON or JUnit raw', async () => {
    const code = 'import json,sys\nfor line in sys.stdin:\n  r=json.loads(line)\n  print(json.dumps({"id":r["id"],"error":"parse","message":"\\u001b[2J\\u0007\\u0000\\u202eevil"}), flush=True)';
    const r = await runCheck({ ...quick, ...py(code) });
    expect(r.pass).toBe(false);
    const outputs = [renderSummary(r), JSON.stringify(judgementJSON(r)), junitXML(r)];
    for (const text of outputs) {
      expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f\u202e]/);
      expect(text).toContain('\\u{1b}[2J');
    }
    expect(printable(printable('\u001b'))).toBe('\\u{1b}');
  });
});

describe('check: nothing left running (item 11)', () => {
  it('an implementation that passes but leaves a background child in its group fails, and the child is killed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hasme-leak-'));
    const pidFile = join(dir, 'pid');
    const code = `import subprocess,sys,runpy\np=subprocess.Popen(["sleep","60"],stdin=subprocess.DEVNULL,stdout=subprocess.DEVNULL,stderr=subprocess.DEVNULL)\nopen(${JSON.stringify(pidFile)},"w").write(str(p.pid))\nsys.argv=[${JSON.stringify(PY)}]\nrunpy.run_path(${JSON.stringify(PY)},run_name="__main__")`;
    const r = await runCheck({ ...quick, ...py(code) });
    expect(r.verdicts.every((v) => v.pass)).toBe(true);
    expect(r.pass).toBe(false);
    expect(r.problems).toEqual([expect.stringMatching(/^implementation left 1 process\(es\) running in its process group after it exited \(pids \d+; killed\)/)]);
    await new Promise((ok) => setTimeout(ok, 300));
    expect(alive(Number(readFileSync(pidFile, 'utf8')))).toBe(false);
  });

  it('SIGHUP to `hasme check` kills the implementation and its grandchild', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hasme-hup-'));
    const pidFile = join(dir, 'pids');
    const code = `import subprocess,sys,os,time\nc=subprocess.Popen([sys.executable,"-c","import time\\nwhile True: time.sleep(1)"])\nopen(${JSON.stringify(pidFile)},"w").write(f"{os.getpid()} {c.pid}")\nwhile True: time.sleep(1)`;
    const child = spawn('node', ['bin/hasme.js', 'check', '--ops', 'coefficients', '--vectors', miniVectorsFile(), '--', 'python3', '-c', code], { stdio: 'ignore' });
    const deadline = Date.now() + 60_000;
    let pids: number[] = [];
    while (Date.now() < deadline) {
      try {
        pids = readFileSync(pidFile, 'utf8').split(' ').map(Number);
        if (pids.length === 2) break;
      } catch {
        /* not yet started */
      }
      await new Promise((ok) => setTimeout(ok, 100));
    }
    expect(pids.every(alive)).toBe(true);
    const exited = new Promise((ok) => child.on('exit', ok));
    child.kill('SIGHUP');
    await exited;
    await new Promise((ok) => setTimeout(ok, 300));
    expect(pids.filter(alive)).toEqual([]);
  }, 120_000);
});

describe('verify: the answers file is streamed with caps (item 8)', () => {
  it('/dev/zero fails fast at the line cap', async () => {
    const t0 = Date.now();
    await expect(runVerify({ vectors: miniVectorsFile(), answers: '/dev/zero', rtol: 1e-9 })).rejects.toThrow(/answers file \/dev\/zero: line 1 is longer than the limit of 1 MiB/);
    expect(Date.now() - t0).toBeLessThan(60_000); // safety net: refused before the 20 s sleep ends, and far before a run
  });

  it('a missing file is a parse error naming it', async () => {
    await expect(runVerify({ vectors: miniVectorsFile(), answers: '/no/such/answers.jsonl', rtol: 1e-9 })).rejects.toThrow(/cannot read \/no\/such\/answers\.jsonl \(ENOENT\)/);
  });

  it('endless blank lines fail at the line-count cap', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'hasme-ans-')), 'blank.jsonl');
    writeFileSync(file, '\n'.repeat(1 << 20));
    await expect(runVerify({ vectors: miniVectorsFile(), answers: file, rtol: 1e-9 })).rejects.toThrow(/more than the limit of \d+ lines/);
  });
});

describe('vectors: the yardstick is checked (item 4)', () => {
  it('an expected value "1e999999" is refused with its field', async () => {
    const { loadVectors } = await import('../src/conformance/vectors.js');
    const [first] = readFileSync(miniVectorsFile(), 'utf8').split('\n');
    const v = JSON.parse(first);
    const entry = v.expected.drift ?? v.expected.pcov;
    entry[0][0] = '1e999999';
    const file = join(mkdtempSync(join(tmpdir(), 'hasme-vec-')), 'v.jsonl');
    writeFileSync(file, JSON.stringify(v) + '\n');
    expect(() => loadVectors(file)).toThrow(/field expected\.(drift|pcov)\[0\]\[0\] is beyond double range/);
    expect(() => loadVectors('/dev/zero')).toThrow(/not a regular file/);
  });
});

describe('check: campaign findings', () => {
  it('a response nested 200 000 deep is junk, not a stack overflow of the harness', async () => {
    const code = 'import json,sys\nfor line in sys.stdin:\n  r=json.loads(line)\n  print(\'{"id":"%s","drift":%s1%s}\' % (r["id"], "["*200000, "]"*200000), flush=True)';
    const r = await runCheck({ ...quick, ...py(code) });
    expect(r.pass).toBe(false);
    expect(r.problems[0]).toMatch(/^stdout line 1 is not JSON \(nested 200001 deep, more than the 32 any answer needs\)/);
  });

  it('a byte-order mark is named; a child holding stdout after the implementation exited is named', async () => {
    const bom = await runCheck({ ...quick, ...py('import sys\nsys.stdin.readline()\nsys.stdout.write("\\ufeff{}\\n")') });
    expect(bom.problems[0]).toMatch(/it starts with a byte-order mark/);
    const code = `import subprocess,sys,runpy\nsubprocess.Popen(["sleep","30"])\nsys.argv=[${JSON.stringify(PY)}]\nrunpy.run_path(${JSON.stringify(PY)},run_name="__main__")`;
    const held = await runCheck({ ...quick, ...py(code) });
    expect(held.problems).toEqual([expect.stringMatching(/^implementation exited, but a process it started still held its stdout 3 s later/)]);
  });
});
