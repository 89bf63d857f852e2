/**
 * No rule file can bring in a regular expression that backtracks
 * catastrophically: such a pattern is refused when the catalogue loads, and
 * the error says which file, rule and field to fix. Structural only: nothing
 * here runs a bad pattern against a bad input.
 */
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { CatalogError, createEngine, parseCatalog, readCatalogFiles, type SourceFile } from '../../src/engine/index.js';

const base = readCatalogFiles().filter((f) => f.path === 'practices.yml' || f.path.startsWith('lists/'));

interface RuleShape {
  patterns?: string[];
  unless?: string[];
  requiresPost?: string[];
}

function securityFile(id: string, shape: RuleShape): SourceFile {
  const rule = {
    id,
    practice: 'S1',
    severity: 'warning',
    message: 'A test rule.',
    why: 'Testing the catalogue loader.',
    detect: { kind: 'pattern', patterns: shape.patterns ?? ['\\bpassword\\b'] },
    context: {
      ...(shape.unless ? { unless: shape.unless } : {}),
      ...(shape.requiresPost ? { requiresPost: shape.requiresPost } : {}),
    },
    suggestion: null,
    examples: {
      flag: ['my password is here', 'the password again', 'password'],
      pass: ['nothing to see', 'a quiet post', 'hello there'],
    },
  };
  return { path: 'security.yml', content: stringify({ theme: 'security', rules: [rule] }) };
}

function refusal(files: SourceFile[]): CatalogError | undefined {
  try {
    createEngine(parseCatalog(files));
  } catch (err) {
    if (err instanceof CatalogError) return err;
    throw err;
  }
  return undefined;
}

// Each of these makes a failing match try exponentially many paths.
const UNSAFE: [string, string][] = [
  ['nested quantifiers', '(a+)+$'],
  ['nested quantifiers around optional space', '(\\w+\\s?)+$'],
  ['a star inside a star', '(a*)*b'],
  ['nested quantifiers behind a lookbehind', '(?<=x)(?:\\p{L}+)+y'],
  ['a repeated choice between equal alternatives', '(x|x)*y'],
  ['a repeated choice where one alternative is a prefix of another', '(a|aa)+$'],
  ['a repeated choice between overlapping classes', '(\\w|\\d)+$'],
  ['a repeated choice that overlaps only without case', '(?:a|A)+$'],
  ['an overlapping choice nested in a repeat', '(?:x(?:ab|a))+$'],
  ['an overlapping repeat inside a lookahead', 'y(?=(?:a|a)+$)'],
  ['a bounded repeat of something that may be empty', '^(a?){25}a{25}$'],
  ['a large bounded repeat of an unbounded one', '(?:\\w+\\s){2,40}x'],
  // Small bounds do not save these: one run of letters can be cut n^5 or n^10 ways.
  ['a small bounded repeat of an unbounded one that nothing stops', '(?:\\w+){1,5}x'],
  ['a small bounded repeat whose separator is optional', '(?:\\w+\\s?){1,10}$'],
];

// Shapes rule authors need, which must load.
const SAFE: [string, string, string][] = [
  ['optional groups around repeats (safe-regex2 counts "?" as a repeat)', '\\bhydrat\\w+\\s+(?:your\\s+|the\\s+)?discs?\\b', 'it hydrates your discs'],
  ['a small bounded repeat of words, each stopped by a space', '\\b(?:\\w+\\s){0,3}cure\\b', 'a real quick cure'],
  ['a date with a small bounded group', '\\b(?:\\d{1,2}[/-]){2}\\d{2,4}\\b', 'seen on 03/14/2024 in clinic'],
  ['a phone number', '\\b\\d{3}[-.\\s]?\\d{3}[-.\\s]?\\d{4}\\b', 'call 555-123-4567 today'],
  ['a repeated choice whose alternatives part ways', '\\b(?:foo|fab)+x\\b', 'see foofabx here'],
  ['a repeated choice between disjoint classes', '\\b(?:[a-z]|\\d)+@clinic\\b', 'mail ab12@clinic now'],
  ['lookbehind word boundaries', '(?<![\\p{L}\\p{N}_])room\\s\\d+(?![\\p{L}\\p{N}_])', 'she is in room 12'],
  // A lookahead is atomic: the repeat around it never re-enters its choice.
  ['a tempered token (a choice inside a lookahead, inside a repeat)', '\\bcures?(?:(?!\\b(?:not|no|never)\\b)[^.!?\\n]){0,60}?\\bfast\\b', 'it cures back pain fast'],
  // An opening run tried only where a run of its characters starts reads each run once.
  ['an opening run of letters after \\b', '\\b\\w+\\s+came\\s+in\\b', 'Marta came in today'],
  ['an opening run its lookbehind keeps to run starts', '(?<![\\w.-])[a-z0-9.-]+@clinic\\b', 'mail ab.12@clinic now'],
  ['a bounded opening run', '\\b[a-z0-9-]{1,63}\\.(?:co|net)\\b', 'see verify-help.co now'],
];

// Each of these reads to the end of a long run from every position of it: a
// draft of 40,000 such characters took 1.3 s to review.
const QUADRATIC: [string, string][] = [
  ['an unbounded opening run that can start inside a run', '\\b[a-z0-9-]+\\.(?:co|net)\\b'],
  ['an unbounded opening run after an optional prefix', '(?:https?://)?[\\w.-]+\\.com'],
  ['an opening run its lookbehind does not keep to run starts', '(?<!x)[a-z]+\\.'],
  ['an opening run in one alternative', '\\bsupport\\b|[\\w-]+@'],
  ['words with dashes, where every dash makes a new word start', '\\b(?:[\\w-]+\\s){0,3}cure\\b'],
];

describe('catastrophic patterns are refused when the catalogue loads', () => {
  for (const [shape, pattern] of UNSAFE) {
    it(`refuses ${shape}: /${pattern}/, naming file, rule and field`, () => {
      const err = refusal([...base, securityFile('security.slow-rule', { patterns: ['\\bpassword\\b', pattern] })]);
      expect(err, `/${pattern}/ should have been refused`).toBeInstanceOf(CatalogError);
      expect([err?.file, err?.rule, err?.field]).toEqual(['security.yml', 'security.slow-rule', 'detect.patterns[1]']);
      expect(err?.message).toContain('security.yml');
      expect(err?.message).toContain('security.slow-rule');
      expect(err?.message).toMatch(/backtrack catastrophically/);
    });
  }

  for (const [shape, pattern] of QUADRATIC) {
    it(`refuses ${shape}: /${pattern}/, asking for an upper bound`, () => {
      const err = refusal([...base, securityFile('security.slow-rule', { patterns: ['\\bpassword\\b', pattern] })]);
      expect(err, `/${pattern}/ should have been refused`).toBeInstanceOf(CatalogError);
      expect([err?.file, err?.rule, err?.field]).toEqual(['security.yml', 'security.slow-rule', 'detect.patterns[1]']);
      expect(err?.message).toMatch(/upper bound/);
    });
  }

  it('checks context patterns too, and names their field', () => {
    const unless = refusal([...base, securityFile('security.slow-unless', { unless: ['(a|aa)+$'] })]);
    expect([unless?.file, unless?.rule, unless?.field]).toEqual(['security.yml', 'security.slow-unless', 'context.unless[0]']);
    const post = refusal([...base, securityFile('security.slow-post', { requiresPost: ['ok', '(\\w+\\s?)+$'] })]);
    expect([post?.rule, post?.field]).toEqual(['security.slow-post', 'context.requiresPost[1]']);
  });

  for (const [shape, pattern, draft] of SAFE) {
    it(`accepts ${shape}: /${pattern}/`, () => {
      const files = [...base, securityFile('security.fine-rule', { patterns: [pattern] })];
      expect(refusal(files)).toBeUndefined();
      const engine = createEngine(parseCatalog(files));
      expect(engine.review(draft).findings.map((f) => f.rule)).toContain('security.fine-rule');
    });
  }
});
