/**
 * Runs an implementation once over the protocol (spec/protocol.md §Running): spawns it in its own
 * process group with the caller's environment, streams every request to its stdin as JSON Lines,
 * then closes stdin, and hands each decoded response line to `onResponse` as it arrives. It
 * enforces a per-response time limit (no response for `caseTimeoutMs` while requests are
 * outstanding), an overall limit, and output caps; it kills the whole process group
 * (process.kill(−pid, SIGKILL)) on any of them and always settles within the overall limit plus
 * a short grace period. The group is killed on every exit path (end of the run, SIGINT, SIGTERM,
 * SIGHUP, the harness exiting), and a process still running in it after the implementation exited
 * is reported as a problem (spec/protocol.md §7). What went wrong is returned as plain-language
 * problems, never thrown; lines that are not JSON are kept up to a cap and counted beyond it.
 */
import { MAX_JSON_DEPTH, nestingDepth } from '../formats/requests.js';
import { LineSplitter } from './lines.js';
import { leftoverProcesses, spawnGroup } from './processGroup.js';

/** One request to send, with the output it may produce. */
export interface OutgoingRequest {
  id: string;
  line: string;
  /** Largest acceptable response line for this request, in bytes. */
  maxBytes: number;
}

export interface RunOptions {
  command: string;
  args: readonly string[];
  requests: readonly OutgoingRequest[];
  /** Longest wait for the next response while requests are outstanding. */
  caseTimeoutMs: number;
  /** Longest run overall. */
  timeoutMs: number;
  /** Called with each stdout line that decodes as JSON and its line number (1-based). */
  onResponse: (value: unknown, lineNo: number) => 'answered' | 'other';
}

/** How the run ended. */
export interface RunResult {
  /** Problems of the run as a whole (each fails the check). */
  problems: string[];
  /** Ids sent but never answered, in send order. */
  unanswered: string[];
  /** Why unanswered requests got no answer (time-out, crash, ...), for their verdicts. */
  unansweredReason: string;
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  elapsedMs: number;
}

/** After end of input an implementation has this long to exit by itself. */
const EXIT_GRACE_MS = 3000;
/** After a kill, how long to wait for the process to be reaped before settling anyway. */
const KILL_GRACE_MS = 1500;
/** Lines that are not JSON kept as problems (the rest are counted in one more problem). */
export const MAX_JUNK_PROBLEMS = 20;

function preview(text: string): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return JSON.stringify(t.length > 80 ? `${t.slice(0, 77)}...` : t);
}

/** Runs the implementation; never rejects. */
export function runImplementation(opts: RunOptions): Promise<RunResult> {
  const started = Date.now();
  const pending = new Set(opts.requests.map((r) => r.id));
  const caps = new Map(opts.requests.map((r) => [r.id, r.maxBytes]));
  const maxLine = Math.max(4096, ...opts.requests.map((r) => r.maxBytes));
  const maxTotal = opts.requests.reduce((s, r) => s + r.maxBytes, 0) + (1 << 20);
  const problems: string[] = [];
  const lines = new LineSplitter();
  let lineNo = 0;
  let total = 0;
  let reason = '';
  let settled = false;
  let killed = false;
  let junkLines = 0;

  return new Promise<RunResult>((resolve) => {
    const group = spawnGroup(opts.command, opts.args);
    const { child, killGroup } = group;
    const tail = group.stderrNote;
    const timers: NodeJS.Timeout[] = [];
    let caseTimer: NodeJS.Timeout | undefined;
    const finish = (exitCode: number | null, signal: NodeJS.Signals | null) => {
      if (settled) return;
      settled = true;
      group.release();
      for (const t of timers) clearTimeout(t);
      if (junkLines > MAX_JUNK_PROBLEMS) problems.push(`... and ${junkLines - MAX_JUNK_PROBLEMS} more stdout lines that are not JSON (${junkLines} in all)`);
      // Whatever the implementation left behind in its group is killed, and a leak is a problem.
      if (child.pid !== undefined && !killed) {
        const left = leftoverProcesses(child.pid);
        if (left.length > 0) problems.push(`implementation left ${left.length} process(es) running in its process group after it exited (pids ${left.slice(0, 5).join(', ')}; killed)`);
      }
      killGroup();
      if (caseTimer) clearTimeout(caseTimer);
      child.stdout?.destroy();
      child.stderr?.destroy();
      child.stdin?.destroy();
      child.unref();
      const unanswered = opts.requests.filter((r) => pending.has(r.id)).map((r) => r.id);
      if (unanswered.length > 0 && reason === '') {
        reason = signal ? `implementation killed by ${signal}` : `implementation exited with code ${exitCode} before answering`;
        if (junkLines > 0) reason += ` (${junkLines} stdout line(s) were not JSON)`;
        problems.push(`${reason}: ${unanswered.length} of ${opts.requests.length} requests unanswered${tail()}`);
      } else if (!killed && exitCode !== 0 && unanswered.length === 0) {
        problems.push(`implementation exited with ${signal ? `signal ${signal}` : `code ${exitCode}`} after answering (expected 0 at end of input)${tail()}`);
      }
      resolve({ problems, unanswered, unansweredReason: reason, exitCode, signal, elapsedMs: Date.now() - started });
    };
    const kill = (why: string) => {
      if (killed || settled) return;
      killed = true;
      if (reason === '') reason = why;
      problems.push(`${why}${tail()}`);
      killGroup();
      timers.push(setTimeout(() => finish(null, 'SIGKILL'), KILL_GRACE_MS));
    };
    const armCaseTimer = () => {
      if (caseTimer) clearTimeout(caseTimer);
      if (pending.size === 0) return;
      caseTimer = setTimeout(() => {
        const waiting = opts.requests.find((r) => pending.has(r.id))?.id;
        kill(`no response within the per-request limit of ${opts.caseTimeoutMs / 1000} s (waiting for "${waiting}")`);
      }, opts.caseTimeoutMs);
    };

    timers.push(
      setTimeout(() => kill(`overall time limit of ${opts.timeoutMs / 1000} s exceeded (${opts.requests.length - pending.size} of ${opts.requests.length} answered)`), opts.timeoutMs),
    );
    armCaseTimer();

    child.on('error', (err) => {
      if (reason === '') reason = `could not start ${opts.command}: ${err.message}`;
      problems.push(reason);
      finish(null, null);
    });
    child.on('close', (code, signal) => finish(code, signal));

    const handleLine = (buf: Buffer) => {
      lineNo++;
      const text = buf.toString('utf8');
      if (text.trim() === '') return;
      let value: unknown;
      try {
        // A response nested deeper than any answer needs would overflow the stack of the parser or
        // of the schema validator: it is junk, like a line that is not JSON.
        const depth = nestingDepth(text);
        if (depth > MAX_JSON_DEPTH) throw new Error(`nested ${depth} deep`);
        value = JSON.parse(text);
      } catch (err) {
        if (++junkLines > MAX_JUNK_PROBLEMS) return;
        const hint = /^nested/.test((err as Error).message)
          ? ` (${(err as Error).message}, more than the ${MAX_JSON_DEPTH} any answer needs)`
          : text.startsWith('\ufeff')
            ? ' (it starts with a byte-order mark, U+FEFF)'
            : /\b(NaN|-?Infinity)\b/.test(text)
              ? ' (NaN and Infinity are not JSON numbers)'
              : '';
        problems.push(`stdout line ${lineNo} is not JSON${hint}: ${preview(text)}`);
        return;
      }
      const id = (value as { id?: unknown } | null)?.id;
      const cap = typeof id === 'string' ? caps.get(id) : undefined;
      if (cap !== undefined && buf.length > cap) problems.push(`stdout line ${lineNo}: the response to "${id}" has ${buf.length} bytes, over its cap of ${cap}`);
      if (opts.onResponse(value, lineNo) !== 'answered' || typeof id !== 'string') return;
      pending.delete(id);
      armCaseTimer();
      if (pending.size === 0 && !child.stdin?.writableEnded) child.stdin?.end();
      if (pending.size === 0) {
        timers.push(
          setTimeout(
            () =>
              kill(
                child.exitCode !== null || child.signalCode !== null
                  ? `implementation exited, but a process it started still held its stdout ${EXIT_GRACE_MS / 1000} s later`
                  : `implementation did not exit within ${EXIT_GRACE_MS / 1000} s after answering everything and end of input`,
              ),
            EXIT_GRACE_MS,
          ),
        );
      }
    };

    child.stdout.on('data', (data: Buffer) => {
      if (killed || settled) return;
      total += data.length;
      if (total > maxTotal) {
        kill(`output exceeds the cap of ${maxTotal} bytes`);
        return;
      }
      const partial = lines.push(data, handleLine, () => killed || settled);
      if (!killed && !settled && partial > maxLine) kill(`stdout line ${lineNo + 1} exceeds the cap of ${maxLine} bytes without a newline`);
    });
    child.stdout.on('end', () => {
      const rest = lines.takeRest();
      if (rest && !killed && !settled) handleLine(rest);
    });
    child.stdin.on('error', () => {
      /* EPIPE when the implementation exits early: reported through its exit status */
    });

    // Stream every request, respecting back-pressure, then close stdin (end of input).
    void (async () => {
      for (const r of opts.requests) {
        if (settled || killed || child.stdin.destroyed) return;
        if (!child.stdin.write(`${r.line}\n`)) {
          await new Promise<void>((ok) => {
            child.stdin.once('drain', ok);
            child.stdin.once('close', ok);
          });
        }
      }
      if (!child.stdin.destroyed) child.stdin.end();
    })();
  });
}
