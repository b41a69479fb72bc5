import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { stepFor } from '../../src/background/shortcuts';
import { toContent } from '../../src/shared/messages';

const root = join(import.meta.dirname, '../..');
const json = (path: string) => JSON.parse(readFileSync(join(root, path), 'utf8'));

it('maps each shortcut to the step its page understands, and nothing else', () => {
  expect(stepFor('next-flag')).toEqual({ type: 'step', direction: 1 });
  expect(stepFor('previous-flag')).toEqual({ type: 'step', direction: -1 });
  expect(stepFor('toString')).toBeUndefined();
  expect(stepFor('_execute_action')).toBeUndefined();
  expect(toContent.parse(stepFor('next-flag'))).toEqual({ type: 'step', direction: 1 });
});

it('declares every shortcut in the manifest with a default key and a description in both languages', () => {
  const { commands } = json('manifest.json');
  expect(Object.keys(commands)).toEqual(['next-flag', 'previous-flag']);
  expect(commands['next-flag'].suggested_key.default).toBe('Alt+Shift+J');
  expect(commands['previous-flag'].suggested_key.default).toBe('Alt+Shift+K');
  for (const name of Object.keys(commands)) {
    expect(stepFor(name)).toBeDefined();
    const key = /^__MSG_(\w+)__$/.exec(commands[name].description)![1]!;
    for (const lang of ['en', 'de']) expect(json(`public/_locales/${lang}/messages.json`)[key].message).toMatch(/\w/);
  }
});
