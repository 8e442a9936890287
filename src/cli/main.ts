/**
 * The `hasme` command line. Each command lives in src/commands/<name>.ts and exports
 * `register(program)`; command modules stay light and import their implementation lazily
 * (inside the action), so `hasme --help` and short commands start fast.
 */
import { Command, CommanderError } from 'commander';
import { HasmeInputError } from '../errors.js';
import { packageVersion } from '../report/packageFiles.js';
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
    .version(packageVersion(), '--version', 'print the version')
    .showHelpAfterError()
    // Throw instead of exiting, so main() can map usage errors to exit code 2 (set before the
    // commands are registered: subcommands inherit it).
    .exitOverride()
    // The command list shows names only (each command's --help shows its options and arguments),
    // so every one-line description fits beside it at 80 columns.
    .configureHelp({ subcommandTerm: (cmd) => cmd.name() });
  for (const c of COMMANDS) c.register(program);
  return program;
}

export async function main(argv: string[]): Promise<void> {
  // A reader that stops early (`hasme report | head`) closes the pipe: stop quietly, as Unix
  // tools do, instead of crashing on the unhandled EPIPE with a stack trace.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') throw err;
    process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
  });
  try {
    await buildProgram().parseAsync(argv);
  } catch (err) {
    if (err instanceof CommanderError) {
      // Commander has already printed the message (or the help): --help exits 0, usage errors 2.
      process.exitCode = err.exitCode === 0 ? 0 : 2;
      return;
    }
    if (err instanceof HasmeInputError) {
      console.error(`hasme: ${err.message}`);
      process.exitCode = 2;
      return;
    }
    if (isFileSystemError(err)) {
      // An output directory or file that cannot be written or read (ENOTDIR, EACCES, ENOSPC, ...):
      // Node's message names the call and the path; a stack trace would add nothing for the user.
      console.error(`hasme: cannot write or read a file: ${err.message}`);
      process.exitCode = 2;
      return;
    }
    throw err;
  }
}

function isFileSystemError(err: unknown): err is NodeJS.ErrnoException & { syscall: string } {
  return err instanceof Error && typeof (err as NodeJS.ErrnoException).code === 'string' && typeof (err as NodeJS.ErrnoException).syscall === 'string';
}
