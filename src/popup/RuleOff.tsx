// Stop flagging one term from the popup, where the reader meets it, and take that back at once.
// The switch is the same as the rule's in the options page (set-rule-enabled): the background stores
// it and every open tab reads its page again without the rule.
import { useRef, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { send } from '../shared/commands';
import { t } from '../shared/i18n';
import { openOptionsAt } from '../shared/open-options';

interface Props {
  listId: string;
  ruleId: string;
  /** The rule's term, which the options page is asked to find. */
  term: string;
  listTitle: string;
  /** Whether the rule is off now (the popup keeps that: it lists, counts and charts by it). */
  off: boolean;
  /** Told when the background switched the rule off (true) or on again (false). */
  onSwitch: (off: boolean) => void;
}

export function RuleOff({ listId, ruleId, term, listTitle, off, onSwitch }: Props) {
  /** What the status line says: nothing yet, or what the last press did. */
  const [done, setDone] = useState('');
  const [error, setError] = useState('');
  // One button that changes its words keeps the keyboard's focus (a disabled or replaced one would
  // drop it to the page's start); a second press while the first is on its way does nothing.
  const busy = useRef(false);

  const set = async (enabled: boolean) => {
    if (busy.current) return;
    busy.current = true;
    const result = await send({ type: 'set-rule-enabled', listId, ruleId, enabled });
    busy.current = false;
    setError(result.ok ? (result.warning ?? '') : result.errors.join(' '));
    if (!result.ok) return;
    setDone(enabled ? t('popup_rule_on_done') : t('popup_rule_off_done', listTitle));
    onSwitch(!enabled);
  };

  // The options page reads this request (requestedFind in options/requests.ts): Find a term filled
  // in with the term, and the rule's switch focused; an options tab already open takes it. The
  // popup closes as the page takes its place.
  const showSwitch = async () => {
    const find = new URLSearchParams({ term, list: listId, rule: ruleId });
    try {
      await openOptionsAt(`find?${find}`, (await browser.windows.getCurrent()).id);
      window.close();
    } catch (failed) {
      setError((failed as Error).message);
    }
  };

  // Status and alert are there from the start, empty: a live region added with its words in it is
  // not read out by every screen reader.
  return (
    <div class="rule-off">
      <p role="status" class="rule-off-done">
        {done}
      </p>
      <div class="rule-off-actions">
        <button type="button" class="quiet" onClick={() => void set(off)}>
          {off ? t('popup_rule_on') : t('popup_rule_off')}
        </button>
        {off && (
          <button type="button" class="link" onClick={() => void showSwitch()}>
            {t('popup_rule_show_switch')}
          </button>
        )}
      </div>
      <p role="alert" class="error">
        {error}
      </p>
    </div>
  );
}
