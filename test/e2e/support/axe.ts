// axe-core run in a page of the extension or of a site: what it finds, one readable line each.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { TestPage } from './driver';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
/** WCAG 2.0–2.2 levels A and AA, and Deque's best practices. */
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

interface AxeNode {
  target: string[];
  failureSummary?: string;
}
interface AxeResult {
  id: string;
  impact: string | null;
  help: string;
  nodes: AxeNode[];
}
declare const axe: { run(context: Document, options: object): Promise<{ violations: AxeResult[] }> };

/** axe's violations on the page as it is now, one readable line per offending element. */
export async function axeViolations(page: TestPage): Promise<string[]> {
  // Through the automation protocol: the extension pages' CSP (script-src 'self') would refuse a <script>.
  if (!(await page.evaluate(() => 'axe' in globalThis))) await page.evaluateScript(AXE_SOURCE);
  const violations = await page.evaluate((tags: string[]) => axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }).then((r) => r.violations), AXE_TAGS);
  return violations.flatMap((v) =>
    v.nodes.map((n) => `${v.id} (${v.impact}) at ${n.target.join(' ')}: ${v.help}. ${(n.failureSummary ?? '').replace(/\s+/g, ' ').trim()}`),
  );
}
