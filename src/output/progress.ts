// A progress bar for batches on a terminal: files done, rate, time left. Redrawn at most ten
// times a second; never shown when stderr is piped.

export interface ProgressState {
  done: number;
  total: number;
  elapsedMs: number;
}

const BAR_WIDTH = 28;

function duration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '--';
  if (seconds < 60) return `${Math.ceil(seconds)}s`;
  return `${Math.floor(seconds / 60)}m${String(Math.ceil(seconds % 60)).padStart(2, '0')}s`;
}

export function formatProgress({ done, total, elapsedMs }: ProgressState): string {
  const share = total ? done / total : 1;
  const filled = Math.round(share * BAR_WIDTH);
  const rate = elapsedMs > 0 ? (done * 1000) / elapsedMs : 0;
  const left = rate > 0 ? (total - done) / rate : Infinity;
  return `[${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}] ${done}/${total}  ${rate.toFixed(0)} sheets/s  ${duration(left)} left`;
}

export class ProgressBar {
  private readonly started = Date.now();
  private lastDrawn = 0;
  private done = 0;

  constructor(private readonly total: number, private readonly write: (text: string) => void) {}

  tick(): void {
    this.done++;
    const now = Date.now();
    if (now - this.lastDrawn < 100 && this.done < this.total) return;
    this.lastDrawn = now;
    this.write(`\r${formatProgress({ done: this.done, total: this.total, elapsedMs: now - this.started })}\u001b[K`);
  }

  /** Removes the bar, so that the summary and messages start on a clean line. */
  clear(): void {
    this.write('\r\u001b[K');
  }

  /** Prints a line above the bar. */
  above(line: string): void {
    this.write(`\r\u001b[K${line}\n`);
  }
}
