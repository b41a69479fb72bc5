// @vitest-environment happy-dom
// A list or backup too large for Wortlupe is refused in the page, before it is read or sent (Chromium
// passes no message over 64 MiB, and says only that), with the words the background would use.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { ImportExport } from '../../../src/options/sections/ImportExport';
import type { CommandResult } from '../../../src/shared/messages';

let importList: ReturnType<typeof vi.fn<(text: string, name: string, replace: boolean) => Promise<CommandResult>>>;
let importBackup: ReturnType<typeof vi.fn<(text: string, name: string) => Promise<CommandResult>>>;

beforeEach(() => {
  importList = vi.fn(async () => ({ ok: true }) as CommandResult);
  importBackup = vi.fn(async () => ({ ok: true }) as CommandResult);
  act(() => render(<ImportExport importList={importList} importBackup={importBackup} exportBackup={async () => ({ ok: true })} />, document.body));
});
afterEach(() => act(() => render(null, document.body)));

/** A file that says it has `size` bytes, and whose text must not be read. */
function fileOf(name: string, size: number): File {
  const file = new File(['{}'], name, { type: 'application/json' });
  Object.defineProperty(file, 'size', { value: size });
  file.text = vi.fn(async () => '{}');
  return file;
}

async function choose(selector: string, file: File): Promise<void> {
  const input = document.querySelector<HTMLInputElement>(selector)!;
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  await act(async () => {
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await new Promise((resolve) => setTimeout(resolve));
  });
}

const shown = () => [...document.querySelectorAll('.import-errors p, .import-errors li')].map((e) => e.textContent);

it('refuses a list file over the limit without reading or sending it', async () => {
  const huge = fileOf('huge.json', 70_000_000);
  await choose('#import-file', huge);
  expect(shown()).toEqual(['Nothing was imported:', 'huge.json: the file is 70.0 MB, more than the 5 million characters Wortlupe reads in a list.']);
  expect(huge.text).not.toHaveBeenCalled();
  expect(importList).not.toHaveBeenCalled();
  // One within the limit is read and sent.
  await choose('#import-file', fileOf('small.json', 2));
  expect(importList).toHaveBeenCalledWith('{}', 'small.json', false);
});

it('counts the characters of a file over the limit in bytes but not surely in characters, as the background does', async () => {
  // 5.5 MB of UTF-8 for 4.9 million characters (umlauts take two bytes): within the limit.
  const german = fileOf('umlaute.json', 5_500_000);
  german.text = vi.fn(async () => 'ä'.repeat(4_900_000));
  await choose('#import-file', german);
  expect(importList).toHaveBeenCalledWith('ä'.repeat(4_900_000), 'umlaute.json', false);
  expect(shown()).toEqual([]);
  // 6 MB for 5.1 million characters: read, counted, refused.
  const over = fileOf('zu-lang.json', 6_000_000);
  over.text = vi.fn(async () => 'x'.repeat(5_100_000));
  await choose('#import-file', over);
  expect(shown()).toEqual(['Nothing was imported:', 'zu-lang.json: the list has 5.1 million characters; Wortlupe reads lists of up to 5 million.']);
  expect(importList).toHaveBeenCalledOnce();
  // More than 3 bytes per character of the limit: more characters than the limit, not read.
  const surely = fileOf('sicher-zu-lang.json', 15_000_001);
  await choose('#import-file', surely);
  expect(surely.text).not.toHaveBeenCalled();
  expect(shown()).toEqual(['Nothing was imported:', 'sicher-zu-lang.json: the file is 15.1 MB, more than the 5 million characters Wortlupe reads in a list.']);
});

it('reads a backup file over its limit in bytes whose characters are within it, and asks to restore it', async () => {
  const backup = fileOf('backup.json', 21_000_000);
  backup.text = vi.fn(async () => 'ü'.repeat(19_000_000));
  await choose('#backup-file', backup);
  expect(shown()).toEqual([]);
  expect(document.querySelector('#backup-question')?.textContent).toContain('backup.json');
});

it('refuses pasted text over the limit without sending it', async () => {
  const field = document.querySelector<HTMLTextAreaElement>('#import-text')!;
  await act(() => {
    field.value = 'x'.repeat(6_000_000);
    field.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await act(async () => {
    [...document.querySelectorAll('button')].find((b) => b.textContent === 'Import')!.click();
    await new Promise((resolve) => setTimeout(resolve));
  });
  expect(shown()).toEqual(['Nothing was imported:', 'the pasted list: the list has 6.0 million characters; Wortlupe reads lists of up to 5 million.']);
  expect(importList).not.toHaveBeenCalled();
});

it('refuses a backup file over its limit without reading it or asking to restore it', async () => {
  const huge = fileOf('huge-backup.json', 70_000_000);
  await choose('#backup-file', huge);
  expect(shown()).toEqual(['Nothing was imported:', 'huge-backup.json: The backup is too large to read.']);
  expect(document.querySelector('#backup-question')).toBeNull();
  expect(huge.text).not.toHaveBeenCalled();
  expect(importBackup).not.toHaveBeenCalled();
});
