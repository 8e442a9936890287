/**
 * Processes still alive in a process group: what an implementation left behind after it exited
 * (spec/protocol.md §7). On Linux, /proc is scanned and zombies (exited, not yet reaped) are not
 * counted; elsewhere a signal-0 probe of the group stands in (it cannot tell zombies apart).
 */
import { readdirSync, readFileSync } from 'node:fs';

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
