/**
 * `hasme serve`: JSON Lines requests on `input`, one response line per non-blank line on
 * `output`, written (and flushed) before the next line is read; returns at end of input.
 */
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { handleLine } from './handle.js';

export async function serve(input: Readable, output: Writable): Promise<void> {
  const lines = createInterface({ input, crlfDelay: Infinity });
  // A reader that hangs up (EPIPE) ends the session quietly instead of crashing the process.
  let closed = false;
  const onError = () => {
    closed = true;
    lines.close();
  };
  output.on('error', onError);
  try {
    for await (const line of lines) {
      if (closed) break;
      if (line.trim() === '') continue;
      if (!output.write(`${handleLine(line)}\n`)) await Promise.race([once(output, 'drain'), once(output, 'close')]);
    }
  } finally {
    output.off('error', onError);
  }
}
