/**
 * Line-by-line reading of an input file with hard caps on the length of a line and on the total
 * size, so that a hostile input (/dev/zero, a file without newlines, endless blank lines) fails
 * with a clear `parse` error instead of growing memory without bound.
 */
import { createReadStream } from 'node:fs';
import { HasmeInputError } from '../errors.js';

export interface LineLimits {
  /** Longest accepted line, in bytes (without its newline). */
  maxLineBytes: number;
  /** Largest accepted input, in bytes. */
  maxTotalBytes: number;
  /** Most lines accepted (blank ones included). */
  maxLines: number;
  /** Names the input in messages, e.g. `answers file out.jsonl`. */
  what: string;
}

/** A line and its 1-based number. */
export interface NumberedLine {
  lineNo: number;
  text: string;
}

function mib(bytes: number): string {
  return `${(bytes / 2 ** 20).toFixed(bytes < 2 ** 20 ? 3 : 0)} MiB`;
}

/** Yields the lines of `path` one by one; see {@link boundedLineBatches}. */
export async function* boundedLines(path: string, limits: LineLimits): AsyncGenerator<NumberedLine> {
  for await (const batch of boundedLineBatches(path, limits)) yield* batch;
}

/**
 * Yields the lines of `path` (a final line without a newline included) in batches, one per chunk
 * read; throws a HasmeInputError (`parse`) when the file cannot be read or a cap is exceeded.
 * Stops reading as soon as the consumer stops.
 */
export async function* boundedLineBatches(path: string, limits: LineLimits): AsyncGenerator<NumberedLine[]> {
  const stream = createReadStream(path, { highWaterMark: 1 << 16 });
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let total = 0;
  let lineNo = 0;
  const tooLong = () =>
    new HasmeInputError('parse', `${limits.what}: line ${lineNo + 1} is longer than the limit of ${mib(limits.maxLineBytes)}`);
  const take = (last: Buffer): NumberedLine => {
    if (lineNo >= limits.maxLines) throw new HasmeInputError('parse', `${limits.what}: more than the limit of ${limits.maxLines} lines`);
    const text = (pending.length === 0 ? last : Buffer.concat([...pending, last])).toString('utf8');
    pending = [];
    pendingBytes = 0;
    return { lineNo: ++lineNo, text };
  };
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      total += chunk.length;
      if (total > limits.maxTotalBytes) throw new HasmeInputError('parse', `${limits.what}: larger than the limit of ${mib(limits.maxTotalBytes)}`);
      let start = 0;
      const batch: NumberedLine[] = [];
      for (let nl = chunk.indexOf(10, start); nl >= 0; nl = chunk.indexOf(10, start)) {
        if (pendingBytes + nl - start > limits.maxLineBytes) throw tooLong();
        batch.push(take(chunk.subarray(start, nl)));
        start = nl + 1;
      }
      if (start < chunk.length) {
        pending.push(chunk.subarray(start));
        pendingBytes += chunk.length - start;
        if (pendingBytes > limits.maxLineBytes) throw tooLong();
      }
      if (batch.length > 0) yield batch;
    }
    if (pendingBytes > 0) yield [take(Buffer.alloc(0))];
  } catch (err) {
    if (err instanceof HasmeInputError) throw err;
    throw new HasmeInputError('parse', `${limits.what}: cannot read ${path} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  } finally {
    stream.destroy();
  }
}
