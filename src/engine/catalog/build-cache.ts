/**
 * `npm run build` runs this after compiling: it writes the parsed YAML of
 * rules/ next to the built engine (see cache.ts), and what the checks and
 * tuning passes conclude about each pattern (see pattern-facts.ts). A file
 * that does not parse, or whose value JSON cannot hold exactly, is left out
 * and parsed at start, where its error is reported as usual.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { contentKey, YAML_CACHE_FILE } from './cache.js';
import { readCatalogFiles } from './load.js';
import { PATTERN_FACTS_FILE } from './pattern-facts.js';
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

// Then every pattern a review uses: the engine is built and reviews each rule's examples, which works out (and so
// records) the facts of the catalogue's patterns and of the detectors'. A catalogue that does not load records none.
// A record from an earlier build may hold what older code concluded: it is removed before the engine is imported
// (the detectors tune their patterns as their modules load), so nothing of it is read.
rmSync(PATTERN_FACTS_FILE, { force: true });
const { getEngine, warmUp } = await import('../index.js');
const { knownFacts } = await import('./pattern-facts.js');
try {
  warmUp(getEngine());
  writeFileSync(PATTERN_FACTS_FILE, JSON.stringify(knownFacts()));
} catch {
  // reported when the catalogue is loaded
}
