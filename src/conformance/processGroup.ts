/**
 * The process policy shared by `check`'s batch runner and the interactive session
 * (spec/protocol.md §7, §12): the implementation runs in its own process group, the harness's
 * SIGINT/SIGTERM/SIGHUP and its exit kill that whole group (SIGKILL, grandchildren included),
 * the tail of stderr is kept for messages, and processes still alive in the group after the
 * implementation exited can be listed. On Linux, /proc is scanned and zombies (exited, not yet
 * reaped) are not counted; elsewhere a signal-0 probe of the group stands in (it cannot tell
 * zombies apart).
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/** Signals on which the harness kills the implementation's group, then dies of the same signal. */
const FORWARDED_SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
/** Trailing stderr kept for messages. */
const STDERR_TAIL = 2000;

/** An implementation started in its own process group. */
export interface GroupedChild {
  readonly child: ChildProcessWithoutNullStreams;
  /** SIGKILL to the whole group (to the child alone when the group is already gone). */
  killGroup(): void;
  /** `; stderr ends: "..."` (its last 200 characters, whitespace folded), or '' when stderr was empty. */
  stderrNote(): string;
  /** Stops tying the group to the harness's signals and exit (once the run is over). */
  release(): void;
}

/**
 * Spawns `command` in its own process group with the harness's environment. The child does not
 * get the terminal's Ctrl-C, so the harness's own termination is forwarded as a kill of the
 * group (the harness then dies of the same signal), and however the harness exits (an
 * exception, process.exit) the group goes with it, until {@link GroupedChild.release}.
 */
export function spawnGroup(command: string, args: readonly string[]): GroupedChild {
  const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'], detached: true, env: process.env });
  let tail = '';
  child.stderr.on('data', (data: Buffer) => {
    tail = (tail + data.toString('utf8')).slice(-STDERR_TAIL);
  });
  const killGroup = () => {
    try {
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
    } catch {
      child.kill('SIGKILL');
    }
  };
  const onSignal = (sig: NodeJS.Signals) => {
    killGroup();
    process.kill(process.pid, sig);
  };
  for (const sig of FORWARDED_SIGNALS) process.once(sig, onSignal);
  process.once('exit', killGroup);
  return {
    child,
    killGroup,
    stderrNote: () => {
      const t = tail.replace(/\s+/g, ' ').trim();
      return t === '' ? '' : `; stderr ends: ${JSON.stringify(t.length > 200 ? `...${t.slice(-197)}` : t)}`;
    },
    release: () => {
      for (const sig of FORWARDED_SIGNALS) process.removeListener(sig, onSignal);
      process.removeListener('exit', killGroup);
    },
  };
}

/** Pids of the live (non-zombie) processes of group `pgid`; empty when none. */
export function leftoverProcesses(pgid: number): number[] {
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return probeGroup(pgid);
  }
  const live: number[] = [];
  for (const name of entries) {
    if (!/^\d+$/.test(name)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${name}/stat`, 'utf8');
    } catch {
      continue; // exited while we looked
    }
    // pid (comm) state ppid pgrp ...: comm may hold spaces and parentheses, so parse after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const state = fields[0];
    if (Number(fields[2]) === pgid && state !== 'Z' && state !== 'X') live.push(Number(name));
  }
  return live;
}

function probeGroup(pgid: number): number[] {
  try {
    process.kill(-pgid, 0);
    return [pgid];
  } catch {
    return [];
  }
}
