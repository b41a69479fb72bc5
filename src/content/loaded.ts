// Imported first by index.ts, so it runs before every other module of the content script: the
// script's own start-up (evaluating the bundle) is measured from this mark to start().
performance.mark('wortlupe:loaded');
