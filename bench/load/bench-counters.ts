import { progress } from './progress-log.js';

/** Things that are not results but explain them: error frames by code, closes, reconnects, resumes. */
export class BenchCounters {
  readonly errorsByCode = new Map<string, number>();
  readonly closesByCode = new Map<number, number>();
  reconnects = 0;
  resumes = 0;
  reconnectFailures = 0;
  private readonly firstErrors: string[] = [];

  error(code: string, message: string, context: string): void {
    this.errorsByCode.set(code, (this.errorsByCode.get(code) ?? 0) + 1);
    // A few examples are enough to diagnose; thousands would drown the progress log.
    if (this.firstErrors.length < 10) {
      const line = `${context}: error frame ${code}: ${message}`;
      this.firstErrors.push(line);
      progress(line);
    }
  }

  unreadableFrames = 0;

  unreadable(raw: string, context: string): void {
    if (this.unreadableFrames++ < 5) progress(`${context}: unreadable server frame ${raw.slice(0, 200)}`);
  }

  closed(code: number): void {
    this.closesByCode.set(code, (this.closesByCode.get(code) ?? 0) + 1);
  }

  summary(): string {
    const errors = [...this.errorsByCode].map(([code, n]) => `${code}=${n}`).join(' ') || 'none';
    const closes = [...this.closesByCode].map(([code, n]) => `${code}=${n}`).join(' ') || 'none';
    return `error frames: ${errors}; unexpected closes: ${closes}; reconnects=${this.reconnects} (failed ${this.reconnectFailures}); resumes=${this.resumes}; unreadable frames=${this.unreadableFrames}`;
  }
}
