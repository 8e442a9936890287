/**
 * Buffered text output to a stream with back-pressure: memory stays bounded by the buffer size
 * however many cells are written. A reader that goes away (EPIPE, e.g. `--json | head`) ends the
 * output quietly; any other stream error is raised on the next write. Files are written atomically
 * (src/io/atomicWrite.ts): they appear only when close() succeeds, and abort() leaves the old file.
 */
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { AtomicFile } from '../io/atomicWrite.js';

const FLUSH_AT = 1 << 16;

/** Writes text in ~64 KiB chunks, waiting for 'drain' when the stream is full. */
export class TextOut {
  private buffer: string[] = [];
  private size = 0;
  private error: NodeJS.ErrnoException | null = null;

  private constructor(
    private readonly stream: Writable,
    /** The file this writer owns (closed by close()), or undefined for a borrowed stream. */
    private readonly file?: AtomicFile,
  ) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      this.error = e;
      this.stream.emit('drain'); // release a pending wait
    });
  }

  /** A file that replaces `path` on close() (and leaves it untouched on abort()). */
  static file(path: string): TextOut {
    const file = new AtomicFile(path);
    return new TextOut(file.stream, file);
  }

  /** An existing stream such as process.stdout, left open by close(). */
  static stream(stream: Writable): TextOut {
    return new TextOut(stream);
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

  /** Flushes; for a file, ends it and renames it into place. */
  async close(): Promise<void> {
    await this.flush();
    if (!this.file || this.readerGone()) return;
    await this.file.commit();
  }

  /** A run that failed: a file is discarded (its previous content stays); a stream is left as is. */
  async abort(): Promise<void> {
    this.buffer = [];
    this.size = 0;
    await this.file?.abort();
  }
}
