/**
 * Progress display of `hasme report` on stderr: a cli-progress bar per claim when stderr is a
 * terminal (each finished bar stays as that claim's line), plain one line per claim otherwise
 * (CI logs, pipes).
 */
import cliProgress from 'cli-progress';
import type { ClaimStatus } from '../claims/types.js';
import { formatDuration } from './format.js';

export interface ProgressStart {
  id: string;
  title: string;
  /** 0-based position of the check in the registry and the number of checks. */
  index: number;
  count: number;
  runs: number;
}

/** Receives the runner's events; implementations only display them. */
export interface ProgressSink {
  start(check: ProgressStart): void;
  update(done: number, total: number): void;
  finish(row: { id: string; status: ClaimStatus; cases: number; durationMs: number }): void;
}

function position(index: number, count: number): string {
  return `[${String(index + 1).padStart(String(count).length)}/${count}]`;
}

/** One line per finished claim, for non-terminal streams. */
export function plainProgress(stream: NodeJS.WritableStream): ProgressSink {
  let pos = '';
  return {
    start(c) {
      pos = position(c.index, c.count);
    },
    update() {},
    finish(row) {
      stream.write(`${pos} ${row.id.padEnd(3)} ${row.status.padEnd(7)} ${String(row.cases).padStart(6)} cases  ${formatDuration(row.durationMs)}\n`);
    },
  };
}

/** A cli-progress bar per claim; finished bars stay on screen with the claim's status. */
export function terminalProgress(stream: NodeJS.WriteStream): ProgressSink {
  let bar: cliProgress.SingleBar | undefined;
  return {
    start(c) {
      bar = new cliProgress.SingleBar(
        {
          stream,
          format: `${position(c.index, c.count)} {claim} {bar} {value}/{total} cases  {status}  {duration_formatted}`,
          barsize: 24,
          hideCursor: true,
          clearOnComplete: false,
          stopOnComplete: false,
        },
        cliProgress.Presets.shades_classic,
      );
      bar.start(c.runs, 0, { claim: c.id.padEnd(3), status: `${c.title.slice(0, 40)}…` });
    },
    update(done, total) {
      bar?.setTotal(total);
      bar?.update(done);
    },
    finish(row) {
      bar?.setTotal(Math.max(row.cases, 1));
      bar?.update(row.cases, { status: row.status.padEnd(7) });
      bar?.stop();
      bar = undefined;
    },
  };
}

/** The display suited to the stream: a bar on a terminal, plain lines elsewhere. */
export function progressFor(stream: NodeJS.WriteStream): ProgressSink {
  return stream.isTTY ? terminalProgress(stream) : plainProgress(stream);
}
