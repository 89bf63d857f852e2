import { describe, expect, it } from 'vitest';
import { contentKey } from '../../../src/engine/catalog/cache.js';
import { CatalogError, parseCatalog, readCatalogFiles, type SourceFile } from '../../../src/engine/index.js';

const files = readCatalogFiles();
const practicesFile = files.find((f) => f.path === 'practices.yml') as SourceFile;
const parsed = parseCatalog(files);

describe('the parsed-YAML cache', () => {
  it('gives the catalogue the cached value of a file with the same text', () => {
    const value = { practices: parsed.practices.map((p) => ({ ...p, title: `${p.title} (cached)` })) };
    const catalog = parseCatalog(files, new Map([[contentKey(practicesFile.content), value]]));
    expect(catalog.practices.every((p) => p.title.endsWith('(cached)'))).toBe(true);
    expect(catalog.rules.length).toBe(parsed.rules.length);
  });

  it('parses a file afresh when its text changed after the cache was written', () => {
    const edited = files.map((f) => (f === practicesFile ? { ...f, content: `${f.content}\n# edited\n` } : f));
    const stale = new Map([[contentKey(practicesFile.content), { practices: [] }]]);
    expect(parseCatalog(edited, stale).practices).toEqual(parsed.practices);
  });

  it('validates a cached value like a parsed one', () => {
    const broken = new Map([[contentKey(practicesFile.content), { practices: 'not a list' }]]);
    expect(() => parseCatalog(files, broken)).toThrow(CatalogError);
  });
});
