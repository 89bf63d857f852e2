/**
 * Every regular expression the identifier recognizers use, whether written as
 * a literal or built in code from the word lists, must be unable to backtrack
 * catastrophically: a draft of 40,000 characters of "12-12-12-..." or sevens
 * must not make a review take seconds. Literals are read from the sources;
 * expressions built in code are caught as they are constructed, while the
 * modules load and while a few reviews build their per-lexicon patterns.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backtrackProblem } from '../../../src/engine/catalog/regex.js';

const ROOT = join(__dirname, '../../../src/engine/detectors/identifiers');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

function literals(): { where: string; source: string; flags: string }[] {
  const out: { where: string; source: string; flags: string }[] = [];
  for (const file of sourceFiles(ROOT)) {
    const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node): void => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const text = node.getText(sf);
        const end = text.lastIndexOf('/');
        const { line } = sf.getLineAndCharacterOfPosition(node.getStart(sf));
        out.push({ where: `${file.slice(ROOT.length + 1)}:${line + 1}`, source: text.slice(1, end), flags: text.slice(end + 1) });
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return out;
}

const built = new Map<string, string>();
const NativeRegExp = globalThis.RegExp;

beforeAll(async () => {
  globalThis.RegExp = new Proxy(NativeRegExp, {
    construct(target, args: [string | RegExp, string?]) {
      const [pattern, flags] = args;
      const source = typeof pattern === 'string' ? pattern : pattern.source;
      const f = flags ?? (typeof pattern === 'string' ? '' : pattern.flags);
      if (new Error().stack?.includes('detectors/identifiers')) built.set(`${source} /${f}`, f);
      return Reflect.construct(target, args) as RegExp;
    },
  });
  const { createEngine, loadCatalog } = await import('../../../src/engine/index.js');
  const catalog = loadCatalog();
  const engine = createEngine({ ...catalog, rules: catalog.rules.filter((r) => r.file === 'compliance.yml') });
  for (const text of [
    'My patient Mrs. Okafor, 91, from Harlan Springs, works at Maple Grove Nursing Home; email her at ok.fam@gmail.com.',
    'Lovely note from Ana Ruiz, whose fusion we did in June. Here is Omar after his ACDF. @kim_runs congrats!',
    'Hi Ana! So glad your fusion went well. Dr. Lee, PA-C, and nurse Kelly helped.',
  ]) {
    engine.review(text);
  }
});

afterAll(() => {
  globalThis.RegExp = NativeRegExp;
});

describe('regular expressions of the identifier recognizers', () => {
  it('finds the literals and the expressions built in code', () => {
    expect(literals().length).toBeGreaterThan(100);
    expect(built.size).toBeGreaterThan(30);
  });

  it('has no literal that can backtrack catastrophically', () => {
    const problems = literals()
      .map((l) => ({ ...l, problem: backtrackProblem(l.source, l.flags || 'u') }))
      .filter((l) => l.problem !== undefined)
      .map((l) => `${l.where}: /${l.source.slice(0, 80)}/ ${l.problem ?? ''}`);
    expect(problems).toEqual([]);
  });

  it('builds no expression that can backtrack catastrophically', () => {
    const problems = [...built]
      .map(([key, flags]) => ({ key, problem: backtrackProblem(key.slice(0, key.lastIndexOf(' /')), flags || 'u') }))
      .filter((b) => b.problem !== undefined)
      .map((b) => `${b.key.slice(0, 120)}: ${b.problem ?? ''}`);
    expect(problems).toEqual([]);
  });
});
