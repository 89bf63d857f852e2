/**
 * Turns the text of the catalogue's files into a validated Catalog. Pure: the
 * caller reads the files (load.ts does, from rules/), so tests can feed
 * broken files without touching the disk.
 */
import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';
import type { z } from 'zod';
import { contentKey, type YamlCache } from './cache.js';
import { CatalogError } from './errors.js';
import {
  ListFileSchema,
  PracticesFileSchema,
  RuleFileSchema,
  type ListFile,
  type Practice,
  type RuleSpec,
} from './schema.js';
import type { Theme } from '../types.js';

export interface SourceFile {
  /** Path relative to the catalogue root, e.g. "security.yml" or "lists/nocebo.yml". */
  path: string;
  content: string;
}

export interface CatalogRule extends RuleSpec {
  theme: Theme;
  file: string;
}

export interface Catalog {
  practices: Practice[];
  lists: Map<string, ListFile>;
  rules: CatalogRule[];
}

export const PRACTICES_FILE = 'practices.yml';
export const LISTS_DIR = 'lists/';

/** `cache`: values of files parsed before (cache.ts), by the hash of their text. */
export function parseCatalog(files: readonly SourceFile[], cache?: YamlCache): Catalog {
  const readYaml = (file: SourceFile): unknown => {
    const cached = cache?.get(contentKey(file.content));
    return cached !== undefined ? cached : readYamlFile(file);
  };
  const validate = <T>(
    file: SourceFile,
    schema: z.ZodType<T>,
    ruleAt: (index: number) => string | undefined,
    raw: unknown = readYaml(file),
  ): T => validateValue(file, schema, ruleAt, raw);
  const practicesFile = files.find((f) => f.path === PRACTICES_FILE);
  if (!practicesFile) throw new CatalogError(PRACTICES_FILE, undefined, undefined, 'file is missing');
  const practices = validate(practicesFile, PracticesFileSchema, () => undefined).practices;
  const practiceById = new Map<string, Practice>();
  for (const p of practices) {
    if (practiceById.has(p.id)) throw new CatalogError(PRACTICES_FILE, undefined, 'id', `practice ${p.id} is listed twice`);
    practiceById.set(p.id, p);
  }

  const lists = new Map<string, ListFile>();
  for (const f of files.filter((f) => f.path.startsWith(LISTS_DIR))) {
    lists.set(f.path.slice(LISTS_DIR.length).replace(/\.ya?ml$/, ''), validate(f, ListFileSchema, () => undefined));
  }

  const rules: CatalogRule[] = [];
  const seen = new Set<string>();
  for (const f of files) {
    if (f.path === PRACTICES_FILE || f.path.startsWith(LISTS_DIR)) continue;
    const raw = readYaml(f);
    const parsed = validate(f, RuleFileSchema, (index) => ruleIdAt(raw, index), raw);
    parsed.rules.forEach((rule) => {
      const fail = (field: string, problem: string) => new CatalogError(f.path, rule.id, field, problem);
      if (seen.has(rule.id)) throw fail('id', 'is used by another rule');
      seen.add(rule.id);
      if (!rule.id.startsWith(`${parsed.theme}.`)) throw fail('id', `must start with "${parsed.theme}."`);
      const practice = practiceById.get(rule.practice);
      if (!practice) throw fail('practice', `${rule.practice} is not in ${PRACTICES_FILE}`);
      if (practice.theme !== parsed.theme) {
        throw fail('practice', `${rule.practice} belongs to theme "${practice.theme}", not "${parsed.theme}"`);
      }
      if (!practice.checkable) throw fail('practice', `${rule.practice} cannot be checked from text; it is a checklist item`);
      if (rule.detect.kind === 'phrases') {
        for (const name of rule.detect.lists ?? []) {
          if (!lists.has(name)) throw fail('detect.lists', `no word list "${name}" in ${LISTS_DIR}`);
        }
      }
      rules.push({ ...rule, theme: parsed.theme, file: f.path });
    });
  }
  return { practices, lists, rules };
}

// The YAML parser is loaded on first need: with the build's cache (cache.ts) a process needs none.
let yaml: typeof Yaml | undefined;
function getYaml(): typeof Yaml {
  yaml ??= createRequire(import.meta.url)('yaml') as typeof Yaml;
  return yaml;
}

/** The value of one file's YAML, as the catalogue reads it; throws the parser's error. */
export function parseYamlText(content: string): unknown {
  return getYaml().parse(content, { prettyErrors: true, uniqueKeys: true });
}

function readYamlFile(file: SourceFile): unknown {
  try {
    return parseYamlText(file.content);
  } catch (err) {
    const message = err instanceof getYaml().YAMLParseError ? err.message.split('\n')[0] ?? err.message : String(err);
    throw new CatalogError(file.path, undefined, undefined, `not valid YAML: ${message}`);
  }
}

function validateValue<T>(
  file: SourceFile,
  schema: z.ZodType<T>,
  ruleAt: (index: number) => string | undefined,
  raw: unknown,
): T {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const path = issue?.path ?? [];
  let rule: string | undefined;
  let fieldPath = path;
  if (path[0] === 'rules' && typeof path[1] === 'number') {
    rule = ruleAt(path[1]) ?? `#${path[1] + 1}`;
    fieldPath = path.slice(2);
  }
  const field = fieldPath.length > 0 ? fieldPath.map(String).join('.') : undefined;
  throw new CatalogError(file.path, rule, field, issue?.message ?? 'invalid');
}

function ruleIdAt(raw: unknown, index: number): string | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const rules = (raw as { rules?: unknown }).rules;
  if (!Array.isArray(rules)) return undefined;
  const rule: unknown = rules[index];
  if (typeof rule === 'object' && rule !== null) {
    const id = (rule as { id?: unknown }).id;
    if (typeof id === 'string') return id;
  }
  return undefined;
}
