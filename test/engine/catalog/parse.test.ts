import { describe, expect, it } from 'vitest';
import { CatalogError, createEngine, parseCatalog, readCatalogFiles, type SourceFile } from '../../../src/engine/index.js';

const real = readCatalogFiles();
const base = real.filter((f) => f.path === 'practices.yml' || f.path.startsWith('lists/'));

const ruleFile = (rule: string): SourceFile => ({
  path: 'spine-care.yml',
  content: `theme: spine-care\nrules:\n${rule}`,
});

const goodRule = `  - id: spine-care.test-rule
    practice: SC1
    severity: error
    message: m
    why: w
    detect: { kind: phrases, phrases: [guaranteed cure] }
    suggestion: { replace: possible improvement }
    examples:
      flag: [a guaranteed cure, guaranteed cure here, the guaranteed cure]
      pass: [a cure, maybe, nothing]
`;

function loadError(files: SourceFile[]): CatalogError {
  try {
    createEngine(parseCatalog(files));
  } catch (err) {
    if (err instanceof CatalogError) return err;
    throw err;
  }
  throw new Error('expected the catalogue to be refused');
}

describe('catalogue loading', () => {
  it('loads the real catalogue', () => {
    const engine = createEngine(parseCatalog(real));
    expect(engine.rules.length).toBeGreaterThan(0);
    expect(engine.practices).toHaveLength(32);
  });

  it('accepts a well-formed rule', () => {
    const engine = createEngine(parseCatalog([...base, ruleFile(goodRule)]));
    expect(engine.review('This is a guaranteed cure.').findings.map((f) => f.rule)).toEqual(['spine-care.test-rule']);
  });

  it('names the file, rule and field of a bad severity', () => {
    const err = loadError([...base, ruleFile(goodRule.replace('severity: error', 'severity: fatal'))]);
    expect([err.file, err.rule, err.field]).toEqual(['spine-care.yml', 'spine-care.test-rule', 'severity']);
  });

  it('refuses a practice id that does not exist or belongs to another theme', () => {
    expect(loadError([...base, ruleFile(goodRule.replace('SC1', 'SC99'))]).field).toBe('practice');
    expect(loadError([...base, ruleFile(goodRule.replace('SC1', 'P2'))]).message).toMatch(/belongs to theme "professionalism"/);
  });

  it('refuses a rule with too few examples', () => {
    const err = loadError([...base, ruleFile(goodRule.replace('pass: [a cure, maybe, nothing]', 'pass: [a cure]'))]);
    expect(err.field).toBe('examples.pass');
  });

  it('refuses a regular expression that does not compile, naming the field', () => {
    const bad = goodRule.replace('{ kind: phrases, phrases: [guaranteed cure] }', "{ kind: pattern, patterns: ['(unclosed'] }");
    const err = loadError([...base, ruleFile(bad)]);
    expect([err.rule, err.field]).toEqual(['spine-care.test-rule', 'detect.patterns[0]']);
  });

  it('refuses a pattern that could backtrack catastrophically', () => {
    const bad = goodRule.replace('{ kind: phrases, phrases: [guaranteed cure] }', () => "{ kind: pattern, patterns: ['(\\w+\\s?)+$'] }");
    const err = loadError([...base, ruleFile(bad)]);
    expect(err.message).toMatch(/spine-care\.yml.*spine-care\.test-rule.*backtrack/);
  });

  it('refuses invalid YAML and unknown fields', () => {
    expect(loadError([...base, { path: 'x.yml', content: 'theme: [' }]).message).toMatch(/x\.yml: not valid YAML/);
    expect(loadError([...base, ruleFile(goodRule.replace('message: m', 'message: m\n    colour: red'))]).rule).toBe('spine-care.test-rule');
  });

  it('refuses an unknown word list and an unknown code detector', () => {
    expect(loadError([...base, ruleFile(goodRule.replace('phrases: [guaranteed cure]', 'lists: [nope]'))]).field).toBe('detect.lists');
    const bad = goodRule.replace('{ kind: phrases, phrases: [guaranteed cure] }', '{ kind: detector, name: nope }');
    expect(loadError([...base, ruleFile(bad)]).field).toBe('detect.name');
  });
});
