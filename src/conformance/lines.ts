/**
 * Splitting an implementation's stdout into `\n`-terminated lines (spec/protocol.md §1, §7),
 * holding at most one partial line, whose size the caller caps.
 */
export class LineSplitter {
  private chunks: Buffer[] = [];
  private bytes = 0;

  /**
   * Hands each line completed by `data` to `onLine`, stopping early when `stop()` turns true
   * after a line; returns the size in bytes of the partial line held afterwards.
   */
  push(data: Buffer, onLine: (line: Buffer) => void, stop: () => boolean): number {
    let start = 0;
    for (let nl = data.indexOf(10, start); nl >= 0; nl = data.indexOf(10, start)) {
      this.chunks.push(data.subarray(start, nl));
      const line = this.chunks.length === 1 ? this.chunks[0] : Buffer.concat(this.chunks);
      this.chunks = [];
      this.bytes = 0;
      start = nl + 1;
      onLine(line);
      if (stop()) return this.bytes;
    }
    if (start < data.length) {
      this.chunks.push(data.subarray(start));
      this.bytes += data.length - start;
    }
    return this.bytes;
  }

  /** The unterminated last line at end of output, if any (and forgets it). */
  takeRest(): Buffer | undefined {
    if (this.bytes === 0) return undefined;
    const rest = Buffer.concat(this.chunks);
    this.chunks = [];
    this.bytes = 0;
    return rest;
  }
}
