// Extension pages change nothing themselves: they ask the background, which validates, writes and
// publishes. Answers are checked before use.
import browser from 'webextension-polyfill';
import { t } from './i18n';
import type { Command, CommandResult } from './messages';
import type { State } from './store/store';

export async function send(command: Command): Promise<CommandResult> {
  try {
    const result = (await browser.runtime.sendMessage(command)) as CommandResult | undefined;
    if (result && typeof result === 'object' && 'ok' in result) return result;
    return { ok: false, errors: [t('error_no_answer')] };
  } catch (error) {
    return { ok: false, errors: [(error as Error).message] };
  }
}

/** The state after a change, when the change returned it. */
export function stateOf(result: CommandResult): State | undefined {
  return result.ok && result.data && typeof result.data === 'object' && 'settings' in result.data ? (result.data as State) : undefined;
}
