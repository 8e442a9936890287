/**
 * A progress bar on stderr, shown only when stderr is a terminal (never in pipes, CI logs or tests).
 */
import cliProgress from 'cli-progress';

/** Counts finished cells; redraws at most ~200 times per run. */
export class Progress {
  private readonly bar: cliProgress.SingleBar | null;
  private readonly every: number;
  private done = 0;

  constructor(total: number, label: string, enabled = Boolean(process.stderr.isTTY)) {
    this.every = Math.max(1, Math.floor(total / 200));
    this.bar = enabled
      ? new cliProgress.SingleBar(
          { stream: process.stderr, format: `${label} [{bar}] {percentage}% | {value}/{total} cells | ETA {eta}s`, hideCursor: true },
          cliProgress.Presets.shades_classic,
        )
      : null;
    this.bar?.start(total, 0);
  }

  tick(): void {
    this.done++;
    if (this.bar && this.done % this.every === 0) this.bar.update(this.done);
  }

  stop(): void {
    if (!this.bar) return;
    this.bar.update(this.done);
    this.bar.stop();
  }
}
