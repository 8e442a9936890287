/**
 * The `hasme` command line. Each command lives in src/commands/<name>.ts and exports
 * `register(program)`; command modules stay light and import their implementation lazily
 * (inside the action), so `hasme --help` and short commands start fast.
 */
import { Command } from 'commander';
import { HasmeInputError } from '../errors.js';
import * as report from '../commands/report.js';
import * as selfcheck from '../commands/selfcheck.js';
import * as vectors from '../commands/vectors.js';
import * as serve from '../commands/serve.js';
import * as verify from '../commands/verify.js';
import * as check from '../commands/check.js';
import * as weak from '../commands/weak.js';
import * as escape from '../commands/escape.js';
import * as explore from '../commands/explore.js';
import * as find from '../commands/find.js';

const COMMANDS: { register: (program: Command) => void }[] = [
  report, selfcheck, vectors, serve, verify, check, weak, escape, explore, find,
];

export function buildProgram(): Command {
  const program = new Command('hasme')
    .description('Verification suite and reference specification for HA-SME (arXiv 2405.18373)')
    .showHelpAfterError();
  for (const c of COMMANDS) c.register(program);
  return program;
}

export async function main(argv: string[]): Promise<void> {
  try {
    await buildProgram().parseAsync(argv);
  } catch (err) {
    if (err instanceof HasmeInputError) {
      console.error(`hasme: ${err.message}`);
      process.exitCode = 2;
      return;
    }
    throw err;
  }
}
