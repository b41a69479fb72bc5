// A build step that removes two code paths Wortlupe never uses and that Mozilla's validator rightly
// flags (web-ext lint must report no warning):
// - zod's probe for `new Function` (zod runs jitless here; MV3 forbids eval anyway);
// - Preact's `dangerouslySetInnerHTML`, the one place it writes innerHTML. With it gone, no list
//   text can ever become markup in the popup or the options page.
// Each replacement must match exactly; if a dependency update changes the code, the build fails and
// the patch is reviewed instead of silently doing nothing.
import type { Plugin } from 'vite';

const PATCHES = [
  {
    file: /zod\/v4\/core\/util\.js$/,
    find: 'const F = Function;\n        new F("");\n        return true;',
    replace: 'return false;',
  },
  {
    file: /preact\/dist\/preact\.mjs$/,
    find: '(t.innerHTML=h.__html)',
    replace: '(()=>{throw new Error("Wortlupe renders no raw HTML")})()',
  },
];

export function harden(): Plugin {
  return {
    name: 'wortlupe:harden',
    enforce: 'pre',
    transform(code, id) {
      const patch = PATCHES.find((p) => p.file.test(id.replace(/\\/g, '/').split('?')[0]!));
      if (!patch) return null;
      if (!code.includes(patch.find)) throw new Error(`harden: expected code not found in ${id}; review the patch in src/dev/harden.ts`);
      return { code: code.replace(patch.find, patch.replace), map: null };
    },
  };
}
