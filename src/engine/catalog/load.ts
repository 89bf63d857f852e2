/** Reads the catalogue from disk: the only file I/O of the engine, done once at start. */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readYamlCache } from './cache.js';
import { parseCatalog, type Catalog, type SourceFile } from './parse.js';

/** rules/ at the package root, whether running from src/ (tests) or dist/ (built). */
export const DEFAULT_RULES_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'rules');

export function readCatalogFiles(dir: string = DEFAULT_RULES_DIR): SourceFile[] {
  const files: SourceFile[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.ya?ml$/.test(entry.name)) {
        files.push({ path: relative(dir, full).split('\\').join('/'), content: readFileSync(full, 'utf8') });
      }
    }
  };
  walk(dir);
  return files;
}

export function loadCatalog(dir: string = DEFAULT_RULES_DIR): Catalog {
  return parseCatalog(readCatalogFiles(dir), readYamlCache());
}
