/**
 * Buffered text output to a stream with back-pressure: memory stays bounded by the buffer size
 * however many cells are written.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';

const FLUSH_AT = 1 << 16;

/** Writes text in ~64 KiB chunks, waiting for 'drain' when the stream is full. */
export class TextOut {
  private buffer: string[] = [];
  private size = 0;

  private constructor(
    private readonly stream: Writable,
    private readonly owned: boolean,
  ) {}

  /** A new file (truncated). */
  static file(path: string): TextOut {
    return new TextOut(createWriteStream(path, { encoding: 'utf8' }), true);
  }

  /** An existing stream such as process.stdout, left open by close(). */
  static stream(stream: Writable): TextOut {
    return new TextOut(stream, false);
  }

  async write(text: string): Promise<void> {
    this.buffer.push(text);
    this.size += text.length;
    if (this.size >= FLUSH_AT) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.size === 0) return;
    const chunk = this.buffer.join('');
    this.buffer = [];
    this.size = 0;
    if (!this.stream.write(chunk)) await once(this.stream, 'drain');
  }

  /** Flushes; ends the stream (and waits until it is on disk) if this writer opened it. */
  async close(): Promise<void> {
    await this.flush();
    if (!this.owned) return;
    this.stream.end();
    await once(this.stream, 'finish');
  }
}
