import { render } from 'preact';
import { interfaceLanguage } from '../shared/i18n';
import { App } from './App';

// Opened as a normal tab with ?tab=<id> (tests, or to keep it open): show that tab's findings.
const param = new URLSearchParams(location.search).get('tab');
const tabId = param !== null && /^\d+$/.test(param) ? Number(param) : undefined;
document.documentElement.lang = interfaceLanguage();
render(<App tabId={tabId} />, document.getElementById('app')!);
