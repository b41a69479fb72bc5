// Extension pages change nothing themselves: they ask the background, which validates, writes and
// publishes. Answers are checked before use.
import browser from 'webextension-polyfill';
import { answerSchema, answersState, commandResultSchema } from './answers';
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

/**
 * The state after `command`, when it answers with the state (send() has checked its shape). Only
 * such commands: what an export answers is the reader's data as it was kept, and may look like one.
 */
export function stateOf(result: CommandResult, command: Command): PageState | undefined {
  return result.ok && answersState(command) && result.data && typeof result.data === 'object' ? (result.data as PageState) : undefined;
}
