// The badge's count: changes to the page at once, a full scan's passes at most every 250 ms and its end.
import { expect, it } from 'vitest';
import { CountReport } from '../../../src/content/count-report';

function reporter() {
  const sent: number[] = [];
  let now = 1000;
  const report = new CountReport((count) => sent.push(count), () => now);
  return { sent, report, at: (ms: number) => void (now = ms) };
}

it('reports a full scan by its first pass, then at most every 250 ms, then its end', () => {
  const { sent, report, at } = reporter();
  report.update(0, true); // first slice: nothing yet
  at(1008);
  report.update(3, true);
  at(1100);
  report.update(5, true);
  at(1250);
  report.update(6, true); // 250 ms after the last report
  at(1300);
  report.update(9, true);
  at(1310);
  report.update(9, false); // the scan ends
  expect(sent).toEqual([0, 6, 9]);
});

it('reports a change outside a full scan at once, but not an unchanged count', () => {
  const { sent, report, at } = reporter();
  report.update(2, false);
  at(1001);
  report.update(3, false);
  report.update(3, false);
  at(1002);
  report.update(1, false);
  expect(sent).toEqual([2, 3, 1]);
});

it('sends the count again after forget(), even if unchanged and just sent', () => {
  const { sent, report } = reporter();
  report.update(4, true);
  report.forget();
  report.update(4, true);
  expect(sent).toEqual([4, 4]);
});
