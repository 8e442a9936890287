/**
 * Atomic file output: text goes to a temporary file in the target's directory and is renamed over
 * the target only once it is complete, so a run that fails half-way leaves the previous file (or
 * none) in place, never a truncated one. Same directory: rename(2) is atomic within a file system.
 * Every writer of the project (report, vectors, explore, merge, JUnit) goes through here.
 */
import { accessSync, constants, createWriteStream, renameSync, statSync, unlinkSync, writeFileSync, type WriteStream } from 'node:fs';
import { rename, unlink, writeFile } from 'node:fs/promises';
import { once } from 'node:events';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { HasmeInputError } from '../errors.js';

/** A fresh temporary name next to `path` (hidden, unique per process and call). */
export function temporaryPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}

/**
 * Checks up front that `path` can be written (its directory exists and is writable, and `path`
 * is not a directory), so a long run does not end in a failure to save its result.
 * @param flag the option naming the file, e.g. `--junit`
 */
export function requireWritableFile(flag: string, path: string): void {
  const problem = (() => {
    try {
      if (statSync(path, { throwIfNoEntry: false })?.isDirectory()) return 'is a directory';
      accessSync(dirname(path), constants.W_OK);
      return statSync(dirname(path)).isDirectory() ? undefined : `${dirname(path)} is not a directory`;
    } catch (err) {
      return (err as NodeJS.ErrnoException).code === 'ENOENT' ? `directory ${dirname(path)} does not exist` : (err as Error).message;
    }
  })();
  if (problem) throw new HasmeInputError('parse', `${flag}: cannot write ${path}: ${problem}`);
}

/** Writes `data` to `path` atomically (synchronous). */
export function writeFileAtomicSync(path: string, data: string | Uint8Array): void {
  const tmp = temporaryPathFor(path);
  try {
    writeFileSync(tmp, data);
    renameSync(tmp, path);
  } catch (err) {
    try {
      unlinkSync(tmp);
    } catch {
      /* never created, or already renamed */
    }
    throw err;
  }
}

/** Writes `data` to `path` atomically. */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const tmp = temporaryPathFor(path);
  try {
    await writeFile(tmp, data);
    await rename(tmp, path);
  } catch (err) {
    await unlink(tmp).catch(() => {});
    throw err;
  }
}

/**
 * A streamed file that appears at `path` only on commit(): `stream` writes a temporary file;
 * commit() ends it and renames it into place, abort() discards it.
 */
export class AtomicFile {
  readonly stream: WriteStream;
  private readonly tmp: string;
  private done = false;

  constructor(readonly path: string) {
    this.tmp = temporaryPathFor(path);
    this.stream = createWriteStream(this.tmp, { encoding: 'utf8' });
  }

  /** Ends the stream, waits until it is on disk, renames it over `path`. */
  async commit(): Promise<void> {
    if (this.done) return;
    this.done = true;
    if (!this.stream.writableFinished) {
      this.stream.end();
      await once(this.stream, 'finish');
    }
    await rename(this.tmp, this.path);
  }

  /** Discards the temporary file; `path` keeps what it held before. */
  async abort(): Promise<void> {
    if (this.done) return;
    this.done = true;
    this.stream.destroy();
    if (!this.stream.closed) await once(this.stream, 'close').catch(() => {});
    await unlink(this.tmp).catch(() => {});
  }
}

/** Writes an output file named by option `flag` atomically; a failure is a typed input error naming both. */
export function writeOutputFile(flag: string, path: string, data: string): void {
  try {
    writeFileAtomicSync(path, data);
  } catch (err) {
    throw new HasmeInputError('parse', `${flag}: cannot write ${path}: ${(err as Error).message}`);
  }
}
