// Cheap language detection: frequent function words that are distinctive for one language.
// They are added to the same automaton as the rules, so detection costs no extra pass over the text.

export const LANGUAGE_CUES: Readonly<Record<string, readonly string[]>> = {
  de: [
    'der', 'das', 'und', 'ist', 'nicht', 'mit', 'sich', 'auf', 'für', 'dem', 'den', 'ein', 'eine', 'einer', 'auch',
    'wird', 'werden', 'von', 'zu', 'im', 'dass', 'hat', 'bei', 'nach', 'aus', 'noch', 'über', 'sind', 'wurde', 'oder',
  ],
  en: [
    'the', 'and', 'is', 'are', 'were', 'of', 'to', 'that', 'with', 'for', 'on', 'this', 'it', 'not', 'by', 'from',
    'has', 'have', 'which', 'be', 'as', 'at', 'said', 'been', 'their', 'they', 'would', 'its', 'or', 'will',
  ],
};

/** Fewer cue words than this and the text is too short to tell. */
const MIN_CUES = 2;

/** The language with the most cue words, if it leads clearly. */
export function decideLanguage(counts: ReadonlyMap<string, number>): string | undefined {
  let best: string | undefined;
  let bestCount = 0;
  let second = 0;
  for (const [lang, count] of counts) {
    if (count > bestCount) {
      second = bestCount;
      best = lang;
      bestCount = count;
    } else if (count > second) second = count;
  }
  return bestCount >= MIN_CUES && bestCount >= second * 2 ? best : undefined;
}

const primaries = new Map<string, string | undefined>();

/** Primary subtag of a BCP 47 tag: "de-AT" → "de". (Pages repeat the same few tags: remembered.) */
export function primaryLanguage(tag: string | null | undefined): string | undefined {
  if (tag == null) return undefined;
  let primary = primaries.get(tag);
  if (primary === undefined && !primaries.has(tag)) {
    const sub = tag.trim().toLowerCase().split(/[-_]/)[0];
    primary = sub && /^[a-z]{2,3}$/.test(sub) ? sub : undefined;
    if (primaries.size < 100) primaries.set(tag, primary);
  }
  return primary;
}
