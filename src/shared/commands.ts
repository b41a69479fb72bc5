// Extension pages change nothing themselves: they ask the background, which validates, writes and
// publishes. Answers are checked before use.
import browser from 'webextension-polyfill';
import { answerSchema, commandResultSchema } from './answers';
import { t } from './i18n';
import type { Command, CommandResult } from './messages';
import type { PageState } from './store/store';

export async function send(command: Command): Promise<CommandResult> {
  try {
    const answer: unknown = await browser.runtime.sendMessage(command);
    if (answer === undefined) return { ok: false, errors: [t('error_no_answer')] };
    const result = commandResultSchema.safeParse(answer);
    // Data that does not parse is as unusable as no answer, and must not be shown as done.
    if (!result.success || (result.data.ok && !answerSchema(command).safeParse(result.data.data).success)) {
      return { ok: false, errors: [t('error_bad_answer')] };
    }
    return result.data as CommandResult;
  } catch (error) {
    return { ok: false, errors: [(error as Error).message] };
  }
}

/** The state after a change, when the change returned it (send() has checked its shape). */
export function stateOf(result: CommandResult): PageState | undefined {
  return result.ok && result.data && typeof result.data === 'object' && 'settings' in result.data && 'notices' in result.data
    ? (result.data as PageState)
    : undefined;
}
