/**
 * `hasme serve`: JSON Lines requests on `input`, one response line per non-blank line on
 * `output`, written (and flushed) before the next chunk is read; returns at end of input. A line
 * longer than MAX_REQUEST_LINE_BYTES is answered with a `parse` error and skipped without being
 * kept (spec/protocol.md §1), so `hasme serve < /dev/zero` stays within bounded memory.
 */
import { once } from 'node:events';
import type { Readable, Writable } from 'node:stream';
import { HasmeInputError } from '../errors.js';
import { errorResponse, handleLine } from './handle.js';

/** Longest request line, bytes: a d = 8 request with 50-digit strings is under 20 kB. */
export const MAX_REQUEST_LINE_BYTES = 16 * 2 ** 20;

const tooLong = () =>
  JSON.stringify(errorResponse(null, new HasmeInputError('parse', `request line longer than the limit of ${MAX_REQUEST_LINE_BYTES / 2 ** 20} MiB (skipped)`)));

export async function serve(input: Readable, output: Writable): Promise<void> {
  // A reader that hangs up (EPIPE) ends the session quietly instead of crashing the process.
  let closed = false;
  const onError = () => {
    closed = true;
  };
  output.on('error', onError);
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let skipping = false;
  const answer = (line: Buffer): string | undefined => {
    const text = line.toString('utf8');
    return text.trim() === '' ? undefined : handleLine(text);
  };
  const send = async (lines: string[]) => {
    if (lines.length === 0 || closed) return;
    if (!output.write(`${lines.join('\n')}\n`)) await Promise.race([once(output, 'drain'), once(output, 'close')]);
  };
  try {
    for await (const chunk of input as AsyncIterable<Buffer | string>) {
      if (closed) break;
      const data = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      const out: string[] = [];
      let start = 0;
      for (let nl = data.indexOf(10, start); nl >= 0; nl = data.indexOf(10, start)) {
        if (skipping || pendingBytes + nl - start > MAX_REQUEST_LINE_BYTES) out.push(tooLong());
        else {
          const r = answer(pending.length === 0 ? data.subarray(start, nl) : Buffer.concat([...pending, data.subarray(start, nl)]));
          if (r !== undefined) out.push(r);
        }
        pending = [];
        pendingBytes = 0;
        skipping = false;
        start = nl + 1;
      }
      if (start < data.length && !skipping) {
        pending.push(data.subarray(start));
        pendingBytes += data.length - start;
        if (pendingBytes > MAX_REQUEST_LINE_BYTES) {
          skipping = true;
          pending = [];
          pendingBytes = 0;
        }
      }
      await send(out);
    }
    if (skipping) await send([tooLong()]);
    else if (pendingBytes > 0) {
      const r = answer(Buffer.concat(pending));
      if (r !== undefined) await send([r]);
    }
  } finally {
    output.off('error', onError);
  }
}
