/**
 * A counting progress bar on stderr, shown only when stderr is a terminal (never in pipes, CI logs
 * or tests). Shared by the long-running commands (explore, weak, check).
 */
import cliProgress from 'cli-progress';

/** Counts finished items; redraws at most ~200 times per run. */
export class Progress {
  private readonly bar: cliProgress.SingleBar | null;
  private readonly every: number;
  private done = 0;

  /**
   * @param total number of items
   * @param label what runs, shown before the bar (e.g. the command's name)
   * @param unit what is counted, e.g. `cells`
   * @param enabled defaults to "stderr is a terminal"
   */
  constructor(total: number, label: string, unit: string, enabled = Boolean(process.stderr.isTTY)) {
    this.every = Math.max(1, Math.floor(total / 200));
    this.bar = enabled
      ? new cliProgress.SingleBar(
          { stream: process.stderr, format: `${label} [{bar}] {percentage}% | {value}/{total} ${unit} | ETA {eta}s`, hideCursor: true },
          cliProgress.Presets.shades_classic,
        )
      : null;
    this.bar?.start(total, 0);
  }

  /** One more item done. */
  tick(): void {
    this.done++;
    if (this.bar && this.done % this.every === 0) this.bar.update(this.done);
  }

  /** Shows the final count and releases the terminal line. */
  stop(): void {
    if (!this.bar) return;
    this.bar.update(this.done);
    this.bar.stop();
  }
}
