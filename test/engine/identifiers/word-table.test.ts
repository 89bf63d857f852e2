import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildWordTable, loadWordTable, parseTable, serialiseTable, tableFromLexicon } from '../../../src/engine/detectors/identifiers/word-table.js';

describe('word table (compromise dictionary without loading compromise)', () => {
  const table = buildWordTable();

  it('reads the dictionary into kinds and parts of speech', () => {
    expect(table.size).toBeGreaterThan(10_000);
    expect(table.get('maria')).toMatchObject({ kind: 'first-name' });
    expect(table.get('boston')).toMatchObject({ kind: 'place' });
    expect(table.get('walked')).toMatchObject({ kind: 'common', part: 'verb' });
    expect(table.get('education')).toMatchObject({ kind: 'common', part: 'noun' });
  });

  it('gives back the same table from its file text', () => {
    const back = parseTable(serialiseTable(table));
    expect(back).toBeDefined();
    expect(back?.size).toBe(table.size);
    for (const [word, entry] of table) expect(back?.get(word)).toEqual(entry);
  });

  it('decides a word by its strongest tag: a first name before a verb, a verb before a noun', () => {
    const small = tableFromLexicon({ will: ['MaleName', 'Modal'], walks: 'PresentTense,Plural', clinic: 'Singular', zzz: '' });
    expect(small.get('will')).toEqual({ kind: 'first-name', part: 'verb' });
    expect(small.get('walks')).toEqual({ kind: 'common', part: 'verb' });
    expect(small.get('clinic')).toEqual({ kind: 'common', part: 'noun' });
    expect(small.get('zzz')).toEqual({ kind: 'common', part: 'other' });
  });

  it('keeps prepositions, conjunctions, determiners and pronouns apart: they never name anyone', () => {
    expect(table.get('before')).toMatchObject({ part: 'function' });
    expect(table.get('every')).toMatchObject({ part: 'function' });
    expect(table.get('hope')).toMatchObject({ part: 'noun' });
    expect(table.get('will')).toMatchObject({ part: 'verb' });
  });

  it('refuses a damaged file and falls back to compromise', () => {
    expect(parseTable('not json')).toBeUndefined();
    expect(parseTable('{"first-name sideways":"ann"}')).toBeUndefined();
    expect(parseTable('{"first-name noun":42}')).toBeUndefined();
    const dir = mkdtempSync(join(tmpdir(), 'word-table-'));
    try {
      const file = join(dir, 'word-table.json');
      writeFileSync(file, '{"broken');
      expect(loadWordTable(file).get('maria')).toMatchObject({ kind: 'first-name' });
      writeFileSync(file, '{"place other":"zorbland"}');
      expect(loadWordTable(file).get('zorbland')).toEqual({ kind: 'place', part: 'other' });
      expect(loadWordTable(join(dir, 'missing.json')).size).toBe(table.size);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
