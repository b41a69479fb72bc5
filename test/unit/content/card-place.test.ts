// Where the hover card goes, for every case of room around the flagged words.
import { describe, expect, it } from 'vitest';
import { cardPosition, roomAround } from '../../../src/content/card-place';

const WINDOW = { width: 1000, height: 700 };
const line = (left: number, top: number, bottom: number) => ({ left, top, bottom });

describe('cardPosition', () => {
  it('puts the card below the words, aligned with the line under the pointer, when it fits there', () => {
    expect(cardPosition(line(100, 100, 120), line(100, 100, 120), { width: 300, height: 200 }, WINDOW)).toEqual({ left: 100, top: 126 });
  });

  it('keeps clear of every line of a phrase that wraps: below its last line, aligned with the line pointed at', () => {
    expect(cardPosition(line(300, 100, 120), line(50, 100, 140), { width: 300, height: 200 }, WINDOW)).toEqual({ left: 300, top: 146 });
  });

  it('moves the card left so it ends 8 px inside the window', () => {
    expect(cardPosition(line(900, 100, 120), line(900, 100, 120), { width: 300, height: 200 }, WINDOW).left).toBe(692);
  });

  it('puts the card above the words when it only fits there', () => {
    expect(cardPosition(line(100, 580, 600), line(100, 580, 600), { width: 300, height: 200 }, WINDOW).top).toBe(374);
  });

  it('when it fits on neither side, takes the side with more room (the card was made to fit it)', () => {
    const short = { width: 683, height: 330 };
    const bottom = line(40, 290, 314);
    expect(roomAround(bottom, short)).toEqual({ below: 2, above: 276 });
    expect(cardPosition(bottom, bottom, { width: 380, height: 276 }, short).top).toBe(8);
    const top = line(40, 40, 88);
    expect(roomAround(top, short)).toEqual({ below: 228, above: 26 });
    expect(cardPosition(top, top, { width: 380, height: 228 }, short).top).toBe(94);
  });

  it('prefers below when both sides have the same room', () => {
    const even = line(10, 100, 100);
    expect(roomAround(even, { width: 400, height: 200 })).toEqual({ below: 86, above: 86 });
    expect(cardPosition(even, even, { width: 200, height: 86 }, { width: 400, height: 200 }).top).toBe(106);
  });

  it('never lets the card leave the window, even when it is taller than the window', () => {
    expect(cardPosition(line(10, 50, 70), line(10, 50, 70), { width: 200, height: 400 }, { width: 400, height: 300 })).toEqual({ left: 10, top: 8 });
    expect(cardPosition(line(-50, 50, 70), line(-50, 50, 70), { width: 200, height: 100 }, { width: 400, height: 300 }).left).toBe(8);
  });
});
