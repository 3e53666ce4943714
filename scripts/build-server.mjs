#!/usr/bin/env node
/**
 * Bundles the server for production: `node dist/main.js` then runs with the production
 * dependencies only (`npm ci --omit=dev`), without tsx or a TypeScript step at start.
 * Packages stay external (loaded from node_modules); only the project's own code is bundled.
 *
 *   dist/main.js            the server (server/main.ts)
 *   dist/backup.js, restore.js, repair.js, printer-agent.js   the operator commands
 *   dist/preview-worker.mjs the printout-preview worker thread
 *   dist/demo-office.json   the bundled demo office
 *
 * `node scripts/build-server.mjs [--out DIR]` (default `dist`, beside the apps in `dist/apps`).
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({ options: { out: { type: 'string' } } });
const out = resolve(values.out ?? join(root, 'dist'));
mkdirSync(out, { recursive: true });

const common = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: 'linked',
  logLevel: 'warning',
  absWorkingDir: root,
};

await build({
  ...common,
  entryPoints: {
    main: 'server/main.ts',
    backup: 'server/backup.ts',
    restore: 'server/restore.ts',
    repair: 'server/repair.ts',
    'printer-agent': 'printer/agent.ts',
  },
  outdir: out,
});
await build({
  ...common,
  entryPoints: { 'preview-worker': 'scripts/build/preview-worker-entry.ts' },
  outExtension: { '.js': '.mjs' },
  outdir: out,
});
copyFileSync(join(root, 'server/demo-office.json'), join(out, 'demo-office.json'));
