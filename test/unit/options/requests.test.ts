// @vitest-environment happy-dom
// What the options page's address asks for: the popup's "#find?" (the switch focused only where it
// will be seen, and only for ids that can be ids) and the context menu's "#add?".
import { afterEach, expect, it } from 'vitest';
import { requestedFind, requestedRule } from '../../../src/options/requests';

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
