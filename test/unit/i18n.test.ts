// Every interface string comes from public/_locales/{de,en}/messages.json: both languages have every
// key, every key the code asks for exists and every key is asked for, nothing a reader sees is
// written into the code, and the core's list errors read in German when the browser speaks German.
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { SourceFile } from 'typescript/unstable/ast';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  COMPOUND_POSITIONS,
  ENGLISH_CORE_MESSAGES,
  INFLECTIONS,
  setCoreMessages,
  TECHNIQUES,
  VALUE_KINDS,
  validateList,
  type CoreMessages,
  type RuleList,
} from '../../src/core';
import { coreMessagesFrom } from '../../src/shared/core-messages';
import { saveList } from '../../src/shared/store/store';
import { readLocale, translator, useLocale, type Catalogue } from './support/browser-i18n';
import { filesUnder, hardCodedStrings, keyUses, lookupFunctions, parse, ROOT, SRC, type KeyUse } from './support/ui-strings';

const LANGUAGES = ['en', 'de'] as const;
const locales = Object.fromEntries(LANGUAGES.map((lang) => [lang, readLocale(lang)])) as Record<(typeof LANGUAGES)[number], Catalogue>;

/** "$1", "$2"… a message takes, whether through named placeholders or written into the message. */
function substitutions(entry: Catalogue[string]): string[] {
  const direct = entry.message.replace(/\$\$/g, '').match(/\$\d/g) ?? [];
  const named = Object.values(entry.placeholders ?? {}).flatMap((p) => p.content.match(/\$\d/g) ?? []);
  return [...new Set([...direct, ...named])].sort();
}

describe('the locale files', () => {
  it('have the same keys in both languages, sorted', () => {
    for (const lang of LANGUAGES) {
      const keys = Object.keys(locales[lang]);
      expect(keys, `${lang}: keys in order`).toEqual([...keys].sort());
    }
    expect(Object.keys(locales.de)).toEqual(Object.keys(locales.en));
  });

  it('have no empty message, and each placeholder a message names is defined and used', () => {
    const problems: string[] = [];
    for (const lang of LANGUAGES) {
      for (const [key, entry] of Object.entries(locales[lang])) {
        if (!entry.message?.trim()) problems.push(`${lang}/${key}: empty message`);
        const used = new Set([...entry.message.replace(/\$\$/g, '').matchAll(/\$(\w+)\$/g)].map((m) => m[1]!.toLowerCase()));
        const defined = new Set(Object.keys(entry.placeholders ?? {}).map((name) => name.toLowerCase()));
        for (const name of used) if (!defined.has(name)) problems.push(`${lang}/${key}: $${name}$ is not defined`);
        for (const name of defined) if (!used.has(name)) problems.push(`${lang}/${key}: placeholder ${name} is not used`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('take the same substitutions in both languages', () => {
    const problems = Object.entries(locales.en).flatMap(([key, entry]) => {
      const de = locales.de[key];
      const [want, got] = [substitutions(entry), de ? substitutions(de) : []];
      return de && want.join() !== got.join() ? [`${key}: en takes ${want.join(' ') || 'none'}, de ${got.join(' ') || 'none'}`] : [];
    });
    expect(problems).toEqual([]);
  });
});

describe('the code and the locale files', () => {
  const tsFiles = filesUnder(SRC, /\.tsx?$/);
  let sources: Map<string, SourceFile>;
  beforeAll(() => {
    sources = parse(tsFiles);
  }, 60_000);

  /** Keys made at run time from a value, and every value they are made from. */
  const FAMILIES: Record<string, readonly (string | number)[]> = {
    technique_: TECHNIQUES.map((t) => t.replaceAll('-', '_')),
    inflect_: INFLECTIONS.map((i) => i.replaceAll('-', '_')),
    compound_: COMPOUND_POSITIONS,
    severity_: [1, 2, 3],
    core_must_be_: VALUE_KINDS,
  };
  const familyKeys = Object.entries(FAMILIES).flatMap(([prefix, values]) => values.map((value) => `${prefix}${value}`));

  /** The extension's own pages (src/dev holds a demo article, not part of the extension). */
  const htmlPages = filesUnder(SRC, /\.html$/).filter((file) => !relative(SRC, file).startsWith('dev/'));

  const uses = (): KeyUse[] => {
    const lookups = lookupFunctions(sources.values());
    return [
      ...tsFiles.flatMap((file) => keyUses(file, sources.get(file)!, lookups)),
      // __MSG_key__ in the manifest and in HTML pages.
      ...[join(ROOT, 'manifest.json'), ...htmlPages].flatMap((file) =>
        [...readFileSync(file, 'utf8').matchAll(/__MSG_(\w+)__/g)].map((m) => ({ key: m[1]!, dynamic: false, where: relative(ROOT, file) })),
      ),
    ];
  };

  it('asks only for keys that exist, and builds keys only from values whose every key exists', () => {
    const problems = uses().flatMap(({ key, dynamic, where }) => {
      if (!dynamic) return key in locales.en ? [] : [`${where}: no key "${key}"`];
      if (!key) return [`${where}: a key the test cannot read; write it out, or make it from a value listed in FAMILIES`];
      return key in FAMILIES ? [] : [`${where}: keys made from "${key}…": list the values they are made from in FAMILIES`];
    });
    expect(problems).toEqual([]);
    expect(familyKeys.filter((key) => !(key in locales.en))).toEqual([]);
  });

  it('uses every key', () => {
    const used = new Set([...uses().map((u) => u.key), ...familyKeys]);
    expect(Object.keys(locales.en).filter((key) => !used.has(key))).toEqual([]);
  });

  it('writes nothing a reader sees into the code (mark a true exception with // i18n-ignore: why)', () => {
    const scanned = tsFiles.filter((file) => file.endsWith('.tsx') || /^(content|background|popup|options|shared)\//.test(relative(SRC, file)));
    expect(scanned.length).toBeGreaterThan(40);
    expect(scanned.flatMap((file) => hardCodedStrings(file, sources.get(file)!))).toEqual([]);
  });

  it('writes no text into the HTML pages but the name of the extension, which is the same in every language', () => {
    const brand = locales.en.extName!.message;
    expect(locales.de.extName!.message).toBe(brand);
    const problems = htmlPages.flatMap((file) =>
      readFileSync(file, 'utf8')
        .replace(/<!--[\s\S]*?-->|<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/g, '')
        .split(/<[^>]*>/)
        .map((text) => text.trim())
        .filter((text) => /\p{L}/u.test(text) && text !== brand)
        .map((text) => `${relative(ROOT, file)}: ${text}`),
    );
    expect(problems).toEqual([]);
  });
});

describe("the core's list errors", () => {
  afterEach(() => {
    setCoreMessages(ENGLISH_CORE_MESSAGES);
    useLocale('en');
  });

  // Every message of the catalogue, with arguments to try it with (the type makes sure none is left out).
  const SAMPLES: { [K in keyof CoreMessages]: Parameters<CoreMessages[K]>[] } = {
    rule: [['"kanonenfutter" (rules[3])'], ['rules[3]']],
    list: [[]],
    missing: [[]],
    mustBe: VALUE_KINDS.map((kind) => [kind]),
    unknownFields: [[['extra']], [['extra', 'more']]],
    notJson: [["Expected property name or '}' in JSON at position 1"]],
    id: [[]],
    empty: [[]],
    atMostChars: [[200]],
    atMostItems: [[20]],
    https: [[]],
    letterOrDigit: [[]],
    atLeastOneForm: [[]],
    atMostForms: [[100]],
    atMostExclusions: [[100]],
    atMostNear: [[100]],
    oneOf: [[['none', 'head', 'modifier', 'any']]],
    either: [['insensitive', 'exact']],
    severity: [[]],
    atLeastOneSource: [[]],
    format: [['wortlupe-list/1']],
    language: [[]],
    atMostRules: [[20000]],
    duplicateId: [['kanonenfutter']],
    closeWithoutOpen: [['a}b']],
    openWithoutClose: [['a{b']],
    nestedBrace: [['a{b{c}}']],
    tooManyExpansions: [['{a,b}{c,d}', 256]],
  };

  it('say in the English locale exactly what the core says in English (the command line and the tests read the latter)', () => {
    const fromLocale = coreMessagesFrom(translator('en'));
    for (const [name, samples] of Object.entries(SAMPLES) as [keyof CoreMessages, unknown[][]][]) {
      for (const args of samples) {
        const call = (m: CoreMessages) => (m[name] as (...a: unknown[]) => string)(...args);
        expect(call(fromLocale), name).toBe(call(ENGLISH_CORE_MESSAGES));
      }
    }
  });

  const rule = { id: 'r', term: 'Kanonenfutter', technique: 'dehumanisation', severity: 2, explanation: 'Warum.', sources: [{ title: 'Q', url: 'https://example.org/' }] };
  const list = (patch: object) => ({ format: 'wortlupe-list/1', id: 'l', title: 'T', language: 'de', version: '1', rules: [{ ...rule, ...patch }] });

  it('read in German with the German catalogue', () => {
    setCoreMessages(coreMessagesFrom(translator('de')));
    expect(validateList(list({ severity: 7 }), 'meine.json')).toEqual({ ok: false, errors: ['meine.json: Regel "r" (rules[0]) › severity: muss 1, 2 oder 3 sein'] });
    expect(validateList(list({ sources: [{ title: 'Q', url: 'http://example.org/' }] }), 'meine.json')).toEqual({
      ok: false,
      errors: ['meine.json: Regel "r" (rules[0]) › sources[0].url: muss eine https://-Adresse sein'],
    });
    // The rule's label is the core's own formatting: only the words around it are translated.
    expect(validateList({ ...list({}), extra: 1 }, 'meine.json')).toEqual({ ok: false, errors: ['meine.json: Liste: unbekanntes Feld „extra“'] });
  });

  it("come from the catalogue for every way a list can be wrong (none is left in zod's English)", () => {
    const marked = Object.fromEntries(Object.keys(SAMPLES).map((name) => [name, () => `⟨${name}⟩`])) as unknown as CoreMessages;
    setCoreMessages({ ...marked, rule: (label) => `⟨rule⟩ ${label}` });
    const long = 'x'.repeat(3000);
    const many = (item: unknown, n: number) => Array.from({ length: n }, () => item);
    const broken = [
      null,
      { ...list({}), format: 'x', id: 'A B', title: '', description: long, language: 'deutsch', version: long, license: long, homepage: 'ftp://x', extra: 1 },
      { ...list({}), rules: [rule, rule] },
      { ...list({}), rules: 'x' },
      list({ id: 5, term: long, match: [], inflect: 'x', compound: 'x', case: 'x', technique: 'x', severity: '2', explanation: '', legitimate: '', foo: 1 }),
      list({ match: many('a', 101), exclude: many('a', 101), near: many('a', 101), alternatives: many('a', 21), sources: many({ title: 'Q', url: 'https://e.org/' }, 21) }),
      list({ match: ['', '!!', long, 'a}b'], exclude: ['a{b'], near: ['', 'a}b'], alternatives: [''], sources: [{ title: '', url: 'http://e.org', x: 1 }, 5] }),
      list({ match: ['a{b{c}}'] }),
      list({ match: ['{a,b,c,d}{a,b,c,d}{a,b,c,d}{a,b,c,d}{a,b,c,d}'] }),
      list({ examples: { flag: many('a', 51), ignore: [''], x: 1 } }),
      list({ sources: [] }),
    ];
    const errors = broken.flatMap((value) => (validateList(value, 'f.json') as { errors: string[] }).errors);
    expect(errors.length).toBeGreaterThan(40);
    // "f.json: ⟨rule⟩ rules[0] › field: ⟨message⟩" — every message, and every word around it, from the catalogue.
    expect(errors.filter((error) => !/^f\.json: (⟨rule⟩ ("r" \(rules\[\d\]\)|rules\[\d\]) › )?([\w.[\]]+: |⟨list⟩: )?⟨\w+⟩$/.test(error))).toEqual([]);
  });
});

describe('the store', () => {
  afterEach(() => useLocale('en'));

  it("refuses in the browser's language", () => {
    const state = { settings: {}, userLists: { schema: 1, lists: [] }, notices: [], setAside: [] } as never;
    const refused = (call: () => unknown) => {
      try {
        call();
      } catch (error) {
        return (error as Error).message;
      }
    };
    const mine: RuleList = { format: 'wortlupe-list/1', id: 'de-krieg', title: 'T', language: 'de', version: '1', rules: [] };
    const options = { origin: 'user' as const, replace: false, shippedIds: ['de-krieg'] };
    expect(refused(() => saveList(state, mine, options))).toBe('The id "de-krieg" belongs to a list that ships with Wortlupe. Give your list another id.');
    useLocale('de');
    expect(refused(() => saveList(state, mine, options))).toBe(
      'Die Kennung „de-krieg“ gehört zu einer Liste, die mit Wortlupe ausgeliefert wird. Geben Sie Ihrer Liste eine andere Kennung.',
    );
  });
});
