// Keyboard shortcuts (manifest "commands"): the next or previous flag in the tab that was active when
// the shortcut was pressed, across its frames. The mapping is pure; stepThrough does the walking
// with what it is given, and onShortcut gives it the tabs API and storage, and is what index.ts
// hands to commands.onCommand, so the unit tests reach the whole path with stand-ins.
import browser, { type Tabs } from 'webextension-polyfill';
import { stepAnswer, type ToContent } from '../shared/messages';
import { framesOf, readStepFrame, readTabState, writeStepFrame } from '../shared/storage';
import { queue } from './serial';

const STEPS: Record<string, 1 | -1> = { 'next-flag': 1, 'previous-flag': -1 };

export function stepFor(command: string): 1 | -1 | undefined {
  return Object.hasOwn(STEPS, command) ? STEPS[command] : undefined;
}

export interface StepWay {
  /** The tab's frames that reported, in the order stepped through (framesOf). */
  frames: number[];
  /** Whether a frame reported flags: only those are entered (and the frame stepped from is asked). */
  flagged(frameId: number): boolean;
  /** The frame whose flag was revealed last, if known. */
  current: number | undefined;
  /** Sends a step to a frame: whether it revealed a flag. */
  send(frameId: number, message: ToContent): Promise<boolean>;
}

/**
 * One step: within the frame whose flag was revealed last (the top frame if none was), else into
 * the next frame in that direction that has a flag, entered at its first flag (or last, going back).
 * After the last frame comes the first again, so a page without frames wraps around within itself.
 * The frame that revealed a flag, or undefined when no frame has one.
 *
 * No frame knows where the others are in the page, so frames are taken in one fixed order (by id,
 * as the popup lists them: usually the order they were made), not by where they sit.
 */
export async function stepThrough(direction: 1 | -1, way: StepWay): Promise<number | undefined> {
  const { frames, flagged } = way;
  const from = way.current !== undefined && frames.includes(way.current) ? way.current : 0;
  if (await way.send(from, { type: 'step', direction })) return from;
  // framesOf always holds the top frame, so `from` is in the ring.
  const at = frames.indexOf(from);
  for (let k = 1; k <= frames.length; k++) {
    const frameId = frames[(((at + k * direction) % frames.length) + frames.length) % frames.length]!;
    if (flagged(frameId) && (await way.send(frameId, { type: 'step', direction, enter: true }))) return frameId;
  }
  return undefined;
}

// A shortcut held down sends many: each goes on from where the one before it stopped.
const serial = queue();

/**
 * A tab without the content script (a browser page, a site switched off) or a frame gone since it
 * reported has nobody to answer: that frame has no flag to step to, and the refusal is swallowed
 * rather than left as an unhandled rejection.
 */
export function onShortcut(command: string, tab: Tabs.Tab | undefined): Promise<void> {
  const direction = stepFor(command);
  const tabId = tab?.id;
  if (!direction || tabId === undefined) return Promise.resolve();
  return serial(() => step(tabId, direction));
}

async function step(tabId: number, direction: 1 | -1): Promise<void> {
  const [state, current] = await Promise.all([readTabState(tabId), readStepFrame(tabId)]);
  const send = async (frameId: number, message: ToContent) => {
    const answer = await browser.tabs.sendMessage(tabId, message, { frameId }).catch(() => undefined);
    return stepAnswer.safeParse(answer).data?.stepped === true;
  };
  // A count is reported after every pass, so a frame that is still being read may be passed over.
  const flagged = (frameId: number) => (state.frames[String(frameId)]?.count ?? 0) > 0;
  const revealedIn = await stepThrough(direction, { frames: framesOf(state), flagged, current, send });
  // Written every time: the popup may have revealed a flag in another frame while this step ran.
  if (revealedIn !== undefined) await writeStepFrame(tabId, revealedIn);
}
