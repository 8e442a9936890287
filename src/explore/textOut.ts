/**
 * Buffered text output to a stream with back-pressure: memory stays bounded by the buffer size
 * however many cells are written. A reader that goes away (EPIPE, e.g. `--json | head`) ends the
 * output quietly; any other stream error is raised on the next write.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';

const FLUSH_AT = 1 << 16;

/** Writes text in ~64 KiB chunks, waiting for 'drain' when the stream is full. */
export class TextOut {
  private buffer: string[] = [];
  private size = 0;
  private error: NodeJS.ErrnoException | null = null;

  private constructor(
    private readonly stream: Writable,
    private readonly owned: boolean,
  ) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      this.error = e;
      this.stream.emit('drain'); // release a pending wait
    });
  }

  /** A new file (truncated). */
  static file(path: string): TextOut {
    return new TextOut(createWriteStream(path, { encoding: 'utf8' }), true);
  }

  /** An existing stream such as process.stdout, left open by close(). */
  static stream(stream: Writable): TextOut {
    return new TextOut(stream, false);
  }

  /** True once the reader has gone away (further text is dropped); throws any other stream error. */
  private readerGone(): boolean {
    if (this.error && this.error.code !== 'EPIPE') throw this.error;
    return this.error !== null;
  }

  async write(text: string): Promise<void> {
    if (this.readerGone()) return;
    this.buffer.push(text);
    this.size += text.length;
    if (this.size >= FLUSH_AT) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.size === 0 || this.readerGone()) return;
    const chunk = this.buffer.join('');
    this.buffer = [];
    this.size = 0;
    if (!this.stream.write(chunk)) {
      await once(this.stream, 'drain');
      this.readerGone(); // raises an error that arrived while waiting
    }
  }

  /** Flushes; ends the stream (and waits until it is on disk) if this writer opened it. */
  async close(): Promise<void> {
    await this.flush();
    if (!this.owned || this.readerGone()) return;
    this.stream.end();
    await once(this.stream, 'finish');
  }
}
