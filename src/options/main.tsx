import { render } from 'preact';
import { setCoreMessages } from '../core';
import { coreMessagesFrom } from '../shared/core-messages';
import { interfaceLanguage, t } from '../shared/i18n';
import { App } from './App';

// The rule form and the list editor check every field as the reader types, in the browser's language.
setCoreMessages(coreMessagesFrom(t));
document.title = t('options_title');
document.documentElement.lang = interfaceLanguage();
render(<App />, document.getElementById('app')!);
