// Gathers the findings of every frame of a tab that reported to the background.
import browser from 'webextension-polyfill';
import { findingsResponse, stepAnswer, type PageFinding } from '../shared/messages';
import { framesOf, readTabState, writeStepFrame } from '../shared/storage';

export interface FrameFinding extends PageFinding {
  frameId: number;
}

export async function activeTabId(): Promise<number | undefined> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

export interface TabFindings {
  findings: FrameFinding[];
  /** The address and title of the tab's page (its top frame), when that frame answered. */
  url?: string;
  title?: string;
}

/** null: no frame answered (a page extensions may not read, or one loaded before Wortlupe was). */
export async function loadFindings(tabId: number): Promise<TabFindings | null> {
  const frameIds = framesOf(await readTabState(tabId));
  const answers = await Promise.all(
    frameIds.map(async (frameId) => {
      try {
        const raw = await browser.tabs.sendMessage(tabId, { type: 'get-findings' }, { frameId });
        const parsed = findingsResponse.safeParse(raw);
        if (!parsed.success) return null;
        const { url, title, findings } = parsed.data;
        return { url, title, frameId, findings: findings.map((f) => ({ ...f, frameId })) };
      } catch {
        return null;
      }
    }),
  );
  if (answers.every((a) => a === null)) return null;
  const top = answers.find((a) => a?.frameId === 0);
  return { findings: answers.flatMap((a) => a?.findings ?? []), ...(top ? { url: top.url, title: top.title } : {}) };
}

/** Shows a finding in the page; once it is shown, the keyboard shortcuts go on from it. */
export function reveal(tabId: number, finding: FrameFinding): void {
  void browser.tabs
    .sendMessage(tabId, { type: 'reveal', index: finding.index }, { frameId: finding.frameId })
    .then((answer) => (stepAnswer.safeParse(answer).data?.stepped ? writeStepFrame(tabId, finding.frameId) : undefined))
    .catch(() => {});
}
