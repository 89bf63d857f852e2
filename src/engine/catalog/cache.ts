/**
 * The catalogue's YAML, already parsed: parsing rules/ costs a process about a
 * quarter of a second at start, more than anything else it loads. `npm run
 * build` writes the parsed value of every file next to the built engine
 * (build-cache.ts); each entry is keyed by the SHA-1 of the text it was parsed
 * from, so a file edited since is parsed afresh, and a stale or missing cache
 * costs nothing but the parse. Cached values are validated like parsed ones.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Parsed values by contentKey of the text they came from. */
export type YamlCache = ReadonlyMap<string, unknown>;

export const YAML_CACHE_FILE = join(dirname(fileURLToPath(import.meta.url)), 'yaml-cache.json');

export function contentKey(content: string): string {
  return createHash('sha1').update(content).digest('hex');
}

/** The cache written at build time, or undefined when there is none (tests run from src/). */
export function readYamlCache(file: string = YAML_CACHE_FILE): YamlCache | undefined {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return undefined;
  return new Map(Object.entries(raw));
}
