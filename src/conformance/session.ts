/**
 * An interactive protocol session (spec/protocol.md §7, §12): the implementation is started once
 * and asked one request at a time, each answer awaited before the next request is chosen (the
 * properties mode generates and shrinks cases from earlier answers). The process policy is that
 * of `check`'s batch runner (src/conformance/runner.ts): own process group, per-request and
 * overall time limits, output caps, SIGKILL of the whole group on any of them, on the
 * harness's own SIGINT/SIGTERM/SIGHUP and on its exit (src/conformance/processGroup.ts). A fault ends the session: every later request is refused with
 * the same reason, so callers never wait on a dead program.
 */
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { LineSplitter } from './lines.js';
import { spawnGroup, type GroupedChild } from './processGroup.js';

export interface SessionOptions {
  command: string;
  args: readonly string[];
  /** Longest wait for one answer, start-up included for the first. */
  caseTimeoutMs: number;
  /** Longest session overall. */
  timeoutMs: number;
}

/** Why a session can no longer answer (time-out, crash, output cap, ...). */
export class SessionFault extends Error {
  override readonly name = 'SessionFault';
}

/** After end of input an implementation has this long to exit by itself (as in `check`). */
const EXIT_GRACE_MS = 3000;

interface Pending {
  id: string;
  maxBytes: number;
  resolve: (value: unknown) => void;
  reject: (err: SessionFault) => void;
  timer: NodeJS.Timeout;
}

export class ImplementationSession {
  /** Problems of the session as a whole (stray lines, caps, exit status), in order. */
  readonly problems: string[] = [];
  /** Set once the session is dead: the reason. */
  fault: string | null = null;
  /** Requests answered so far. */
  answered = 0;
  private readonly group: GroupedChild;
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly overall: NodeJS.Timeout;
  private readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  private pending: Pending | null = null;
  private readonly lines = new LineSplitter();
  private lineNo = 0;
  private closing = false;

  constructor(private readonly opts: SessionOptions) {
    this.group = spawnGroup(opts.command, opts.args);
    this.child = this.group.child;
    this.exited = new Promise((resolve) => {
      this.child.on('close', (code, signal) => {
        this.die(signal ? `implementation killed by ${signal}` : `implementation exited with code ${code}`);
        resolve({ code, signal });
      });
    });
    this.child.on('error', (err) => this.die(`could not start ${opts.command}: ${err.message}`));
    this.child.stdin.on('error', () => {
      /* EPIPE after an early exit: reported through the exit status */
    });
    this.child.stdout.on('data', (data: Buffer) => this.onData(data));
    this.overall = setTimeout(() => this.kill(`overall time limit of ${opts.timeoutMs / 1000} s exceeded (${this.answered} requests answered)`), opts.timeoutMs);
  }

  /** Sends one request line and resolves with the decoded answer; rejects with a SessionFault. */
  request(id: string, line: string, maxBytes: number): Promise<unknown> {
    if (this.fault !== null) return Promise.reject(new SessionFault(this.fault));
    if (this.pending) return Promise.reject(new SessionFault('one request at a time'));
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => this.kill(`no response within the per-request limit of ${this.opts.caseTimeoutMs / 1000} s (waiting for "${id}")`),
        this.opts.caseTimeoutMs,
      );
      this.pending = { id, maxBytes, resolve, reject, timer };
      this.child.stdin.write(`${line}\n`);
    });
  }

  /** Closes stdin, gives the program the grace period to exit, kills it otherwise; returns the problems. */
  async close(): Promise<string[]> {
    this.closing = true;
    if (this.fault === null) {
      this.child.stdin.end();
      const grace = setTimeout(() => this.kill(`implementation did not exit within ${EXIT_GRACE_MS / 1000} s after end of input`), EXIT_GRACE_MS);
      const { code, signal } = await this.exited;
      clearTimeout(grace);
      if (code !== 0 && signal === null) this.problems.push(`implementation exited with code ${code} at end of input (expected 0)${this.tail()}`);
    } else {
      this.group.killGroup();
    }
    this.cleanup();
    return this.problems;
  }

  private tail(): string {
    return this.group.stderrNote();
  }

  /** A fault of ours to enforce (time-out, cap): kills the group, then as {@link die}. */
  private kill(why: string): void {
    if (this.fault !== null) return;
    this.group.killGroup();
    this.die(why, true);
  }

  /**
   * The program can no longer answer: records why (a problem of the run), refuses the outstanding
   * request. Its own exit after end of input is no fault (`enforced` marks our kills, which are).
   */
  private die(why: string, enforced = false): void {
    if (this.fault === null && (enforced || !this.closing)) {
      this.fault = `${why}${this.tail()}`;
      this.problems.push(this.fault);
    }
    const p = this.pending;
    if (p) {
      this.pending = null;
      clearTimeout(p.timer);
      p.reject(new SessionFault(this.fault ?? why));
    }
    this.cleanup();
  }

  private cleanup(): void {
    clearTimeout(this.overall);
    this.group.release();
  }

  private onData(data: Buffer): void {
    if (this.fault !== null) return;
    const cap = this.pending?.maxBytes ?? 4096;
    const partial = this.lines.push(data, (line) => this.onLine(line), () => this.fault !== null);
    if (this.fault === null && partial > cap) this.kill(`stdout line ${this.lineNo + 1} exceeds the cap of ${cap} bytes without a newline`);
  }

  private onLine(buf: Buffer): void {
    this.lineNo++;
    const text = buf.toString('utf8');
    if (text.trim() === '') return;
    const p = this.pending;
    if (!p) {
      this.problems.push(`stdout line ${this.lineNo} arrived with no request outstanding`);
      return;
    }
    if (buf.length > p.maxBytes) {
      this.kill(`stdout line ${this.lineNo}: the response to "${p.id}" has ${buf.length} bytes, over its cap of ${p.maxBytes}`);
      return;
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      const hint = /\b(NaN|-?Infinity)\b/.test(text) ? ' (NaN and Infinity are not JSON numbers)' : '';
      const t = text.replace(/\s+/g, ' ').trim();
      this.problems.push(`stdout line ${this.lineNo} is not JSON${hint}: ${JSON.stringify(t.length > 80 ? `${t.slice(0, 77)}...` : t)}`);
      return;
    }
    const id = (value as { id?: unknown } | null)?.id;
    if (id !== p.id) {
      this.problems.push(`stdout line ${this.lineNo}: answer with id ${JSON.stringify(id)} while waiting for "${p.id}"`);
      return;
    }
    this.pending = null;
    clearTimeout(p.timer);
    this.answered++;
    p.resolve(value);
  }
}
