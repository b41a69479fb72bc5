// @vitest-environment happy-dom
// What the options page's address asks for: the popup's "#find?" (the switch focused only where it
// will be seen, and only for ids that can be ids) and the context menu's "#add?".
import { afterEach, expect, it } from 'vitest';
import { requestedFind, requestedRule, takeRequest } from '../../../src/options/requests';

afterEach(() => void (location.hash = ''));

it("reads the popup's request: the term to find and the switch to focus", () => {
  location.hash = '#find?term=Kanonenfutter&list=de-krieg&rule=kanonenfutter';
  expect(requestedFind()).toEqual({ term: 'Kanonenfutter', switchId: 'rule-de-krieg_kanonenfutter' });
});

it('focuses no switch for ids that cannot be ids, nor without a term (its list would stay closed)', () => {
  location.hash = '#find?term=Kanonenfutter&list=de-krieg&rule=%22%5D%0Abody';
  expect(requestedFind()).toEqual({ term: 'Kanonenfutter' });
  location.hash = '#find?list=de-krieg&rule=kanonenfutter';
  expect(requestedFind()).toEqual({ term: '' });
  location.hash = '#add?term=Luftschloss&lang=de';
  expect(requestedFind()).toBeUndefined();
});

it("reads the context menu's request, in German unless it says English", () => {
  location.hash = '#add?term=Luftschloss&lang=en';
  expect(requestedRule()).toEqual({ term: 'Luftschloss', lang: 'en' });
  location.hash = '#add?term=Luftschloss&lang=fr';
  expect(requestedRule()).toEqual({ term: 'Luftschloss', lang: 'de' });
  location.hash = '';
  expect(requestedRule()).toBeUndefined();
});

it('takes a request once: the address keeps its page and query and loses the request; an address without one is left alone', () => {
  history.replaceState(null, '', '/src/options/index.html?control#find?term=Kanonenfutter&list=de-krieg&rule=kanonenfutter');
  expect(takeRequest()).toEqual({
    find: { term: 'Kanonenfutter', switchId: 'rule-de-krieg_kanonenfutter' },
    hash: '#find?term=Kanonenfutter&list=de-krieg&rule=kanonenfutter',
  });
  expect(location.pathname + location.search + location.hash).toBe('/src/options/index.html?control');
  expect(takeRequest()).toBeUndefined();
  history.replaceState(null, '', '/src/options/index.html#lists');
  expect(takeRequest()).toBeUndefined();
  expect(location.hash).toBe('#lists');
});
