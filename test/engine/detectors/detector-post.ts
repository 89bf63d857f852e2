/** Builds what a detector receives, and the word lists of rules/, for the detector tests. */
import { parseCatalog, readCatalogFiles } from '../../../src/engine/index.js';
import type { ListFile } from '../../../src/engine/catalog/schema.js';
import { normalize } from '../../../src/engine/normalize.js';
import { Structure } from '../../../src/engine/structure.js';
import { createParser } from '../../../src/engine/nlp.js';
import type { Candidate, Detector, DetectorFactory, Post } from '../../../src/engine/detectors/types.js';

let lists: ReadonlyMap<string, ListFile> | undefined;

export function catalogLists(): ReadonlyMap<string, ListFile> {
  lists ??= parseCatalog(readCatalogFiles().filter((f) => f.path === 'practices.yml' || f.path.startsWith('lists/'))).lists;
  return lists;
}

export function postOf(original: string): Post {
  const text = normalize(original).text;
  return { text, structure: new Structure(text), platform: 'any', parse: createParser(text) };
}

export function build(factory: DetectorFactory, options: unknown): Detector {
  return factory({ options, lists: catalogLists(), ruleId: 'test.rule' });
}

/** The texts a detector found in a draft. */
export function found(detect: Detector, draft: string): string[] {
  const post = postOf(draft);
  return detect(post).map((c: Candidate) => post.text.slice(c.start, c.end));
}
