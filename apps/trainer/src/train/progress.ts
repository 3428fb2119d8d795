import { formatBytes, formatDuration, formatSi } from '../format.js';

/** Where a command writes: process.stdout in the CLI, a string buffer in tests. */
export interface Output {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export interface StepStats {
  step: number;
  loss: number;
  lr: number;
  tokensPerSecond: number;
  allocated: number;
  peak: number;
  /** Milliseconds left, when the run has a known end. */
  etaMs: number | null;
  epoch: number;
}

/**
 * The live progress line. On a terminal one line is redrawn in place:
 *
 *   step 120/500 ████████░░░░░░░░ 24%  loss 2.3141  1.52k tok/s  mem 12.4 MiB (peak 31.0 MiB)  ETA 4m10s
 *
 * When stdout is not a terminal (a pipe, a log file, CI) it prints a plain line every `every`
 * steps instead, since carriage returns and escape codes would garble the file.
 */
export class Progress {
  private shown = false;
  private readonly tty: boolean;

  constructor(
    private readonly out: Output,
    private readonly total: number | null,
    private readonly every: number,
  ) {
    // A terminal that declares itself dumb cannot move the cursor: plain lines there too.
    this.tty = out.isTTY === true && !(out === process.stdout && process.env.TERM === 'dumb');
  }

  update(s: StepStats): void {
    if (this.tty) {
      this.out.write(`\r\x1b[2K${this.fit(this.barLine(s))}`);
      this.shown = true;
    } else if (s.step % this.every === 0 || s.step === this.total) this.out.write(`${this.plainLine(s)}\n`);
  }

  /** A message on its own line; the bar is redrawn by the next update. */
  message(text: string): void {
    this.clear();
    this.out.write(`${text}\n`);
  }

  /** Removes the bar (before the summary). */
  clear(): void {
    if (this.tty && this.shown) this.out.write('\r\x1b[2K');
    this.shown = false;
  }

  private fit(line: string): string {
    const width = this.out.columns ?? 120;
    return line.length > width ? line.slice(0, width - 1) : line;
  }

  private fields(s: StepStats): string[] {
    return [
      `loss ${s.loss.toFixed(4)}`,
      `lr ${s.lr.toExponential(2)}`,
      `${formatSi(s.tokensPerSecond)} tok/s`,
      `mem ${formatBytes(s.allocated)} (peak ${formatBytes(s.peak)})`,
      ...(s.etaMs !== null ? [`ETA ${formatDuration(s.etaMs)}`] : []),
    ];
  }

  private barLine(s: StepStats): string {
    const head = this.total ? `step ${s.step}/${this.total}` : `step ${s.step}`;
    let bar = '';
    if (this.total) {
      const f = Math.min(1, s.step / this.total);
      const cells = 16;
      const full = Math.round(f * cells);
      bar = ` ${'█'.repeat(full)}${'░'.repeat(cells - full)} ${String(Math.floor(f * 100)).padStart(3)}%`;
    }
    return `${head}${bar}  ${this.fields(s).join('  ')}`;
  }

  private plainLine(s: StepStats): string {
    return [this.total ? `step ${s.step}/${this.total}` : `step ${s.step}`, `epoch ${s.epoch}`, ...this.fields(s)].join(' | ');
  }
}
