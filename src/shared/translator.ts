// A Translate over a messages.json catalogue, for code that runs without the browser's i18n API (the
// command line, and tests). Follows the browser's rules for named placeholders ("$P1$" → "$1").
import type { MessageKey, Translate } from './describe';

export type Catalogue = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

export function translatorFrom(messages: Catalogue): Translate {
  return (key: MessageKey, ...subs) => {
    const entry = messages[key];
    if (!entry) return key;
    return entry.message.replace(/\$(\w+)\$/g, (_, name: string) => {
      const content = entry.placeholders?.[name.toLowerCase()]?.content ?? '';
      return content.replace(/\$(\d)/g, (__, n: string) => String(subs[Number(n) - 1] ?? ''));
    });
  };
}
