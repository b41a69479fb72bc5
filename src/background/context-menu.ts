// "Add to my list…" on selected text: opens the rule form with the selection and the page's language.
import browser from 'webextension-polyfill';
import { t } from '../shared/i18n';
import { languageAnswer } from '../shared/messages';

const MENU_ID = 'wortlupe-add-to-list';

export function setUpContextMenu(): void {
  browser.contextMenus.removeAll().then(() =>
    browser.contextMenus.create({ id: MENU_ID, title: t('menu_add_to_list'), contexts: ['selection'] }),
  );
}

browser.contextMenus.onClicked.addListener(async (info, tab) => {
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
  await browser.tabs.create({ url: `${browser.runtime.getURL('src/options/index.html')}#add?${params}` });
});
