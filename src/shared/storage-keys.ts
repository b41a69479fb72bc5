// The storage keys content scripts read, in a module of their own: the early read at document_start
// (src/content/early-read.ts) needs them without the schemas and libraries storage.ts brings.

/**
 * The enabled lists, as the background last published them. Content scripts read only this key,
 * so a change of lists or switches reaches every open tab through storage.onChanged.
 */
export const ACTIVE_KEY = 'activeLists';

/**
 * The enabled lists compiled into one matcher by the background (core/serialize.ts), so tabs do
 * not compile again. Published together with ACTIVE_KEY.
 */
export const COMPILED_KEY = 'compiledMatcher';

/**
 * What content scripts need besides the matcher, published by the background with it: where
 * Wortlupe is switched off, and how highlights look.
 */
export const PAGE_SETTINGS_KEY = 'pageSettings';

/**
 * A new id with every publish, written with the keys above. A tab's first read and the change
 * event of the same publish can arrive in either order (the read may already hold what the event
 * then announces); with this id the tab knows a publish it has read, and does not read its page
 * again for it.
 */
export const PUBLISHED_KEY = 'publishedId';
