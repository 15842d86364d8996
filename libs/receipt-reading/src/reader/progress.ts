/** Reports whole percents, never going backwards and never twice the same. */
export class Progress {
  private last = -1;

  constructor(private readonly listener?: (percent: number) => void) {}

  /** `fraction` (0–1) of the span from `from` to `to` percent. */
  report(from: number, to: number, fraction = 1): void {
    if (!this.listener) return;
    const percent = Math.round(from + (to - from) * Math.min(1, Math.max(0, fraction)));
    if (percent <= this.last) return;
    this.last = percent;
    this.listener(percent);
  }

  /** A reporter for one stage's own fractions. */
  span(from: number, to: number): (fraction: number) => void {
    return (fraction) => this.report(from, to, fraction);
  }

  /** A progress of its own, 0–100, reported as `from`–`to` here (one page of a document, say). */
  within(from: number, to: number): Progress {
    return new Progress(this.listener && ((percent) => this.report(from, to, percent / 100)));
  }
}
