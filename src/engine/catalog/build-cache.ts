/**
 * `npm run build` runs this after compiling: it writes the parsed YAML of
 * rules/ next to the built engine (see cache.ts). A file that does not parse,
 * or whose value JSON cannot hold exactly, is left out and parsed at start,
 * where its error is reported as usual.
 */
import { writeFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { contentKey, YAML_CACHE_FILE } from './cache.js';
import { readCatalogFiles } from './load.js';
import { parseYamlText } from './parse.js';

const entries: Record<string, unknown> = {};
for (const file of readCatalogFiles()) {
  try {
    const value = parseYamlText(file.content);
    if (isDeepStrictEqual(JSON.parse(JSON.stringify(value)), value)) entries[contentKey(file.content)] = value;
  } catch {
    // reported when the catalogue is loaded
  }
}
writeFileSync(YAML_CACHE_FILE, JSON.stringify(entries));
