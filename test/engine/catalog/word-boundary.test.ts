import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import fc from 'fast-check';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { fastWordBoundaries } from '../../../src/engine/catalog/word-boundary.js';
import { getEngine } from '../../../src/engine/index.js';

const matchesOf = (source: string, flags: string, text: string): string[] =>
  [...text.matchAll(new RegExp(source, flags.includes('g') ? flags : `${flags}g`))].map((m) => `${m.index}:${m[0]}`);

describe('fastWordBoundaries', () => {
  it('spells a \\b before a word as "not after a word character" and after one as "not before"', () => {
    expect(fastWordBoundaries('\\bswag\\b', 'iu')).toBe('(?<!\\w)swag(?!\\w)');
    expect(fastWordBoundaries('\\b(?:flown|flew)\\s+by\\b', 'giu')).toBe('(?<!\\w)(?:flown|flew)\\s+by(?!\\w)');
    expect(fastWordBoundaries('\\b[a-z0-9_]+\\b', 'iu')).toBe('(?<!\\w)[a-z0-9_]+(?!\\w)');
  });

  it('leaves a \\b whose sides are not certain to be word characters', () => {
    for (const source of ['\\b(?:x)?y', 'a?\\b', '\\b(?:a|-)', '\\b[\\w-]+', '\\b\\p{L}+', '\\bé', '(?:a|)\\b', '\\b(?=a)a']) {
      expect(fastWordBoundaries(source, 'iu')).toBe(source);
    }
  });

  it('never touches a backspace in a class, an escaped backslash, or a pattern without both i and u', () => {
    expect(fastWordBoundaries('[\\b]x', 'iu')).toBe('[\\b]x');
    expect(fastWordBoundaries('\\\\bx', 'iu')).toBe('\\\\bx');
    expect(fastWordBoundaries('\\bswag\\b', 'i')).toBe('\\bswag\\b');
    expect(fastWordBoundaries('\\bswag\\b', 'gu')).toBe('\\bswag\\b');
  });

  it('matches exactly what the original matches, on text full of the characters \\b is subtle about', () => {
    const sources = [
      '\\bswag\\b',
      '\\b(?:you|your|ur)(?![\\p{L}\\p{N}_])\\s+\\w+',
      '\\b(?:thanks?|thank you)\\b[^.!?\\n]{0,40}?\\b(?:for|to)\\s+(?:the\\s+)?\\w+',
      '(?<!\\b(?:photos?|credit)\\s+)\\bcourtesy of\\b',
      '\\b(?:a|b)(?:1|2)?\\b',
      '\\bkelvin\\b|\\bs\\d\\b',
    ];
    const alphabet = fc.constantFrom(...'swagkelvinyouruthanksforcourtesyofphotoscredit ab12_-.!\n\u017f\u212aéÉ𝐚😀'.split(''), ' ', 'ſ', 'K');
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 60 }).map((cs) => cs.join('')), fc.constantFrom(...sources), (text, source) => {
        expect(matchesOf(fastWordBoundaries(source, 'giu'), 'giu', text)).toEqual(matchesOf(source, 'giu', text));
      }),
      { numRuns: 400 },
    );
  });

  it('keeps every catalogue pattern matching the same on the catalogue’s own examples', () => {
    const engine = getEngine();
    // One text of every example: both forms see the same text, so their matches must agree on it.
    const text = engine.rules
      .flatMap((r) => [...r.spec.examples.flag, ...r.spec.examples.pass].map((e) => (typeof e === 'string' ? e : e.text)))
      .join('\n\n');
    let rewritten = 0;
    for (const { spec } of engine.rules) {
      if (spec.detect.kind !== 'pattern') continue;
      for (const source of spec.detect.patterns) {
        const fast = fastWordBoundaries(source, 'giu');
        if (fast === source) continue;
        rewritten++;
        expect(matchesOf(fast, 'giu', text), `${spec.id}: ${source}`).toEqual(matchesOf(source, 'giu', text));
      }
    }
    expect(rewritten).toBeGreaterThan(0);
  });
});

/**
 * A guard for the next detector: a pattern in the engine's code with both the
 * i and u flags and a \b, not passed through tuned, would
 * silently run ten times slower.
 */
describe('detector patterns with \\b, i and u', () => {
  const ROOT = join(__dirname, '..', '..', '..', 'src', 'engine');
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return files(path);
      return path.endsWith('.ts') ? [path] : [];
    });

  function unwrapped(path: string, text = readFileSync(path, 'utf8')): string[] {
    const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
    const found: string[] = [];
    const wrapped = (node: ts.Node): boolean =>
      ts.isCallExpression(node.parent) && node.parent.expression.getText() === 'tuned';
    const visit = (node: ts.Node): void => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const literal = node.getText();
        const close = literal.lastIndexOf('/');
        const flags = literal.slice(close + 1);
        const body = literal.slice(1, close).replace(/\[(?:\\.|[^\]\\])*\]/g, '');
        if (flags.includes('i') && flags.includes('u') && /(?<!\\)(?:\\\\)*\\b/.test(body) && !wrapped(node)) {
          found.push(`${relative(ROOT, path)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`);
        }
      } else if (ts.isNewExpression(node) && node.expression.getText() === 'RegExp') {
        const flags = node.arguments?.[1];
        const literalFlags = flags && (ts.isStringLiteral(flags) || ts.isNoSubstitutionTemplateLiteral(flags)) ? flags.text : '';
        if (literalFlags.includes('i') && literalFlags.includes('u') && !wrapped(node)) {
          found.push(`${relative(ROOT, path)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
    return found;
  }

  it('are found when not wrapped, in literals and in constructions', () => {
    const fixture = [
      'const a = /\\bswag/iu;',
      "const b = new RegExp('\\\\bswag', 'giu');",
      'const c = tuned(/\\bswag/iu);',
      'const d = /\\bswag/i;',
      'const e = /[\\b]swag/iu;',
    ].join('\n');
    expect(unwrapped(join(ROOT, 'fixture.ts'), fixture)).toEqual(['fixture.ts:1', 'fixture.ts:2']);
  });

  it('all go through tuned', () => {
    const exempt = new Set(['catalog/regex.ts', 'catalog/word-boundary.ts', 'catalog/backtrack.ts']);
    const found = files(join(ROOT, 'detectors'))
      .concat(join(ROOT, 'context.ts'))
      .filter((path) => !exempt.has(relative(ROOT, path)))
      .flatMap((path) => unwrapped(path));
    expect(found).toEqual([]);
  });
});
