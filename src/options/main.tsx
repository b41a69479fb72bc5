import { render } from 'preact';
import { t } from '../shared/i18n';
import { App } from './App';

document.title = t('options_title');
document.documentElement.lang = navigator.language;
render(<App />, document.getElementById('app')!);
