// The number of findings, sent to the background for the toolbar badge.
//
// A change to the page is reported at once. A full scan of a long page reports its first pass,
// then at most every REPORT_MS, then its end: each report is a message (serialised on the page's
// main thread) and a badge update, and on the bench's news page one per idle slice made 5 to 7
// of them in a few hundred milliseconds, where the reader sees only the last.

const REPORT_MS = 250;

export class CountReport {
  private sent = -1;
  private sentAt = -Infinity;

  constructor(
    private readonly send: (count: number) => void,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** After a pass; `scanning`: a full scan has more to read. */
  update(count: number, scanning: boolean): void {
    if (count === this.sent) return;
    const now = this.now();
    if (scanning && now - this.sentAt < REPORT_MS) return;
    this.sent = count;
    this.sentAt = now;
    this.send(count);
  }

  /** Send the next count even if unchanged: the background forgot it (a new scan, back/forward cache). */
  forget(): void {
    this.sent = -1;
    this.sentAt = -Infinity;
  }
}
