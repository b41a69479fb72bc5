// "Add to my list…" on selected text: opens the rule form with the selection and the page's language.
import browser, { type Menus, type Tabs } from 'webextension-polyfill';
import { t } from '../shared/i18n';
import { openOptionsAt } from '../shared/open-options';
import { languageAnswer } from '../shared/messages';

export const MENU_ID = 'wortlupe-add-to-list';

export function setUpContextMenu(): void {
  browser.contextMenus.removeAll().then(() =>
    browser.contextMenus.create({ id: MENU_ID, title: t('menu_add_to_list'), contexts: ['selection'] }),
  );
}

browser.contextMenus.onClicked.addListener((info, tab) => onMenuClick(info, tab));

/** Opens the rule form with the selected text and the language of the page it was selected on. */
export async function onMenuClick(info: Menus.OnClickData, tab: Tabs.Tab | undefined): Promise<void> {
  if (info.menuItemId !== MENU_ID) return;
  const term = (info.selectionText ?? '').trim().slice(0, 200);
  let lang = '';
  if (tab?.id !== undefined) {
    try {
      const answer = languageAnswer.safeParse(await browser.tabs.sendMessage(tab.id, { type: 'page-language' }, { frameId: info.frameId ?? 0 }));
      if (answer.success) lang = answer.data.lang ?? '';
    } catch {
      // A page Wortlupe cannot read: the reader picks the language in the form.
    }
  }
  const params = new URLSearchParams({ term, lang });
  await openOptionsAt(`add?${params}`, tab?.windowId);
}
