// The page report: what the popup shows as a chart and a sorted list, and what it exports for
// journalists and teachers (Markdown to read and paste, JSON to process). Pure: no browser API, the
// caller passes its way of looking up interface strings.
import type { Technique } from '../core';
import { describeSignal, severityName, techniqueName, type Translate } from '../shared/describe';
import { isWebUrl, webHost } from '../shared/ui/web-url';
import type { Group } from './group';

export const REPORT_FORMAT = 'wortlupe-report/1';
export const SORT_ORDERS = ['page', 'count', 'severity'] as const;
export type SortOrder = (typeof SORT_ORDERS)[number];

export function sortGroups(groups: readonly Group[], order: SortOrder): Group[] {
  const sorted = [...groups]; // Array.prototype.sort is stable: ties keep the page's order
  if (order === 'count') sorted.sort((a, b) => b.occurrences.length - a.occurrences.length);
  if (order === 'severity') sorted.sort((a, b) => b.rule.severity - a.rule.severity || b.occurrences.length - a.occurrences.length);
  return sorted;
}

export interface TechniqueCount {
  technique: Technique;
  count: number;
}

/** Occurrences per technique, most first (ties in the order the techniques first appear). */
export function techniqueCounts(groups: readonly Group[]): TechniqueCount[] {
  const counts = new Map<Technique, number>();
  for (const group of groups) counts.set(group.rule.technique, (counts.get(group.rule.technique) ?? 0) + group.occurrences.length);
  return [...counts].map(([technique, count]) => ({ technique, count })).sort((a, b) => b.count - a.count);
}

export interface PageReport {
  format: typeof REPORT_FORMAT;
  url: string | null;
  title: string | null;
  date: string;
  total: number;
  techniques: (TechniqueCount & { label: string })[];
  rules: {
    /** `homepage` only when the list names one. */
    list: { id: string; title: string; version: string; homepage?: string };
    rule: string;
    term: string;
    technique: Technique;
    techniqueLabel: string;
    severity: 1 | 2 | 3;
    explanation: string;
    sources: { title: string; url: string }[];
    /** `match` stands at `start` in `sentence`. */
    occurrences: { sentence: string; match: string; start: number; signals: string[] }[];
  }[];
}

export function buildReport(page: { url?: string; title?: string }, groups: readonly Group[], date: Date, t: Translate): PageReport {
  return {
    format: REPORT_FORMAT,
    url: page.url ?? null,
    title: page.title ?? null,
    date: date.toISOString(),
    total: groups.reduce((sum, g) => sum + g.occurrences.length, 0),
    techniques: techniqueCounts(groups).map((c) => ({ ...c, label: techniqueName(c.technique, t) })),
    rules: groups.map(({ list, rule, occurrences }) => ({
      list: { id: list.id, title: list.title, version: list.version, ...(list.homepage ? { homepage: list.homepage } : {}) },
      rule: rule.id,
      term: rule.term,
      technique: rule.technique,
      techniqueLabel: techniqueName(rule.technique, t),
      severity: rule.severity,
      explanation: rule.explanation,
      sources: rule.sources.map(({ title, url }) => ({ title, url })),
      occurrences: occurrences.map((o) => ({
        sentence: `${o.before}${o.match}${o.after}`,
        match: o.match,
        start: o.before.length,
        // What there is to say, without the card's line for when nothing tells how the word stands.
        signals: o.signals.map((s) => describeSignal(s, t)),
      })),
    })),
  };
}

/**
 * Text from lists and pages is a stranger's: in Markdown it must not become a link, an image, HTML,
 * emphasis or a table cell border. Characters with inline meaning are escaped, line breaks fold, and
 * what would start a heading or a list item at the start of a line is escaped too.
 */
export function markdownText(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\\`*_[\]<>|~&!]/g, '\\$&')
    .replace(/^(\d+)([.)])/, '$1\\$2')
    .replace(/^([#+=-])/, '\\$1');
}

function markdownLink(title: string, url: string): string {
  if (!isWebUrl(url)) return markdownText(title);
  // href is percent-encoded: no space, < or > is left; parentheses would end the link early.
  const href = new URL(url).href.replaceAll('(', '%28').replaceAll(')', '%29');
  return `[${markdownText(title)}](${href})`;
}

/** The sentence with the match in bold; a match inside a word (a compound) stays joined to it. */
function occurrenceMarkdown({ sentence, match, start }: { sentence: string; match: string; start: number }): string {
  const before = sentence.slice(0, start);
  const after = sentence.slice(start + match.length);
  const left = before.trim() ? markdownText(before) + (/\s$/.test(before) ? ' ' : '') : '';
  const right = after.trim() ? (/^\s/.test(after) ? ' ' : '') + markdownText(after).replace(/^\\(?=[#+=-])/, '') : '';
  return `${left}**${markdownText(match)}**${right}`;
}

/** "3 flags, 2 terms", with the singulars the counts ask for. */
export function summaryLine(total: number, terms: number, t: Translate): string {
  if (total === 1) return t('popup_summary_one');
  return terms === 1 ? t('popup_summary_one_term', total) : t('popup_summary', total, terms);
}

export function reportMarkdown(report: PageReport, t: Translate): string {
  const lines: string[] = [`# ${markdownText(t('report_heading', report.title || report.url || ''))}`, ''];
  if (report.url) lines.push(`- ${t('report_page')}: ${markdownLink(report.url, report.url)}`);
  lines.push(`- ${t('report_date')}: ${report.date.slice(0, 10)}`);
  lines.push(`- ${summaryLine(report.total, report.rules.length, t)}`, '');
  if (report.techniques.length) {
    lines.push(`## ${t('report_by_technique')}`, '', `| ${t('report_technique')} | ${t('report_count')} |`, '|---|---:|');
    for (const c of report.techniques) lines.push(`| ${markdownText(c.label)} | ${c.count} |`);
    lines.push('');
  }
  for (const r of report.rules) {
    lines.push(`## ${markdownText(r.term)} (${r.occurrences.length})`, '');
    lines.push(`*${markdownText(r.techniqueLabel)} · ${markdownText(severityName(r.severity, t))}*`, '');
    lines.push(markdownText(r.explanation), '');
    lines.push(`### ${t('popup_occurrences')}`, '');
    r.occurrences.forEach((o, i) => {
      const signals = o.signals.length ? ` — ${markdownText(o.signals.join('; '))}` : '';
      lines.push(`${i + 1}. ${occurrenceMarkdown(o)}${signals}`);
    });
    lines.push('', `### ${t('popup_sources')}`, '');
    for (const s of r.sources) lines.push(`- ${markdownLink(s.title, s.url)}`);
    // Which version of whose list flagged it: the same page may be flagged otherwise after an update.
    const { homepage } = r.list;
    const host = homepage && webHost(homepage);
    const website = homepage && host ? ` ${t('ui_list_website')} ${markdownLink(host, homepage)}` : '';
    lines.push('', `${markdownText(t('report_rule_of', r.rule, r.list.title, r.list.version))}${website}`, '');
  }
  return lines.join('\n');
}
