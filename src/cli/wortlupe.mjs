#!/usr/bin/env node
// `npx wortlupe …`: the command line, run from its TypeScript source through tsx (no separate build).
import { register } from 'tsx/esm/api';

register();
await import('./main.ts');
