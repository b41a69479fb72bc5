import { describe, expect, it } from 'vitest';
import { route } from '../../src/background/route';

const self = { id: 'wortlupe-id', origin: 'chrome-extension://wortlupe-id/' };
const contentScript = { id: 'wortlupe-id', url: 'https://news.example/article', tab: { id: 7 }, frameId: 2 };
const optionsPage = { id: 'wortlupe-id', url: 'chrome-extension://wortlupe-id/src/options/index.html', tab: { id: 9 } };
const popup = { id: 'wortlupe-id', url: 'chrome-extension://wortlupe-id/src/popup/index.html' };
const report = { type: 'report-count', docId: 'doc-12345678', count: 3 };
const save = { type: 'save-list', list: {}, replace: true };

describe('who may ask the background for what', () => {
  it('takes counts from content scripts, for their own tab and frame', () => {
    expect(route(report, contentScript, self)).toEqual({ kind: 'report', tabId: 7, frameId: 2, docId: 'doc-12345678', count: 3 });
  });

  it('takes commands from its own pages only', () => {
    expect(route(save, optionsPage, self)).toMatchObject({ kind: 'command', command: { type: 'save-list' } });
    expect(route({ type: 'get-state' }, popup, self)).toMatchObject({ kind: 'command' });
    expect(route(save, contentScript, self)).toEqual({ kind: 'ignore', why: 'commands come only from the extension’s own pages' });
    expect(route({ type: 'set-site-enabled', site: 'news.example', enabled: false }, contentScript, self).kind).toBe('ignore');
  });

  it('ignores other extensions, malformed messages, and counts from pages', () => {
    expect(route(save, { ...optionsPage, id: 'someone-else' }, self)).toEqual({ kind: 'ignore', why: 'another extension' });
    expect(route({ type: 'save-list', list: {}, replace: 'yes' }, optionsPage, self).kind).toBe('ignore');
    expect(route({ type: 'report-count', docId: 'x', count: -1 }, contentScript, self).kind).toBe('ignore');
    expect(route({ type: 'delete-everything' }, optionsPage, self)).toEqual({ kind: 'ignore', why: 'not a message Wortlupe knows' });
    expect(route(report, optionsPage, self)).toEqual({ kind: 'ignore', why: 'counts come from content scripts' });
    // A page address that merely starts like ours is not ours.
    expect(route(save, { ...contentScript, url: 'https://evil.example/chrome-extension://wortlupe-id/' }, self).kind).toBe('ignore');
  });
});
