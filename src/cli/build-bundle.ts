/**
 * `npm run build` runs this last: it bundles the built command and its batch
 * worker into a few files in dist/bundle/, which `postcheck` runs.
 *
 * Why: Node's ES module loader costs about a millisecond per file, and a
 * process that reviews anything loads about 250 of them (the engine, zod,
 * obscenity, commander): some 130 ms before the first review, paid again by
 * each worker thread of a batch. The bundle loads in a few files.
 *
 * The engine finds its data (rules/, the pattern facts, the word table) from
 * its modules' own locations, so its modules keep them: in the bundle their
 * `import.meta.url` is the built module's, not the bundle's. The command's
 * modules take the bundle's, so that the worker it starts is the bundled one.
 */
import { chmodSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'rolldown';

const DIST = join(dirname(fileURLToPath(import.meta.url)), '..');
export const BUNDLE_DIR = join(DIST, 'bundle');
const ENGINE_DIR = join(DIST, 'engine') + sep;

/** Rewrites `import.meta.url` in the engine's modules to their built file, relative to the bundle. */
function engineKeepsItsLocation(): Plugin {
  return {
    name: 'engine-keeps-its-location',
    transform(code, id) {
      if (!id.startsWith(ENGINE_DIR) || !code.includes('import.meta.url')) return null;
      const own = relative(BUNDLE_DIR, id).split(sep).join('/');
      return { code: code.replaceAll('import.meta.url', `new URL(${JSON.stringify(own)}, import.meta.url).href`), map: null };
    },
  };
}

await build({
  input: { postcheck: join(DIST, 'cli', 'bin.js'), 'batch-worker': join(DIST, 'cli', 'batch-worker.js') },
  platform: 'node',
  plugins: [engineKeepsItsLocation()],
  logLevel: 'warn',
  output: { dir: BUNDLE_DIR, format: 'esm', cleanDir: true },
});

// package.json's "bin": `npx postcheck` (and an installed `postcheck`) runs the file itself, through its #! line.
chmodSync(join(BUNDLE_DIR, 'postcheck.js'), 0o755);
