import { describe, expect, it } from 'vitest';
import { getEngine, THEMES, THEME_TITLES, type Finding, type Review, type Severity, type Theme } from '../../src/engine/index.js';
import { chunkEscaped, clip, escapeText, inlineCode, renderHelp, renderNotice, renderReview, summaryText } from '../../src/slack/render.js';
import { allStrings, blockKitProblems } from './helpers.js';

function finding(text: string, draft: string, over: Partial<Finding> = {}): Finding {
  const start = draft.indexOf(text);
  if (start === -1) throw new Error(`"${text}" is not in the draft`);
  return {
    rule: 'test.rule',
    practice: 'C1',
    theme: 'compliance',
    severity: 'warning',
    start,
    end: start + text.length,
    text,
    message: 'Something is wrong.',
    why: 'Because a guideline says so.',
    suggestion: null,
    ...over,
  };
}

function texts(review: Review, options = {}): string {
  return allStrings(renderReview(review, options)).join('\n');
}

/** The mrkdwn of every section and context (what Slack parses). */
function mrkdwnTexts(review: Review): string[] {
  const out: string[] = [];
  for (const b of renderReview(review).blocks as { type: string; text?: { text: string }; elements?: { text: string }[] }[]) {
    if (b.type === 'section' && b.text) out.push(b.text.text);
    if (b.type === 'context') for (const e of b.elements ?? []) out.push(e.text);
  }
  return out;
}

describe('masking', () => {
  const draft = 'My patient John Smith (call 555-867-5309, MRN 00482913) had a slipped disc.';
  const review: Review = {
    findings: [
      finding('My patient John Smith', draft, { rule: 'c.reference', suggestion: 'A patient (John Smith)' }),
      finding('John Smith', draft, { rule: 'c.name', severity: 'error', sensitive: 'name', message: 'The name John Smith identifies a patient.' }),
      finding('555-867-5309', draft, { rule: 'c.phone', severity: 'error', sensitive: 'number', suggestion: '' }),
      finding('00482913', draft, { rule: 'c.mrn', severity: 'error', sensitive: 'identifier', why: 'An MRN such as 00482913 is an identifier.' }),
      finding('slipped disc', draft, { rule: 'sc.nocebo', theme: 'spine-care', practice: 'SC3', suggestion: 'disc herniation' }),
    ],
    rewrite: 'A patient (John Smith) (call , MRN 00482913) had a disc herniation.',
  };

  it('never echoes an identifier: excerpts, other excerpts, suggestions, messages, reasons and the rewrite are masked', () => {
    const all = texts(review);
    for (const secret of ['John', 'Smith', '555-867-5309', '867', '00482913']) expect(all).not.toContain(secret);
    expect(all).toContain('`J*** S****`');
    expect(all).toContain('`***-***-****`');
    expect(all).toContain('`********`');
    expect(all).toContain('`My patient J*** S****`');
    expect(all).toContain('`A patient (J*** S****)`');
    expect(all).toContain('The name J*** S**** identifies a patient.');
    expect(all).toContain('A patient (J*** S****) (call , MRN ********) had a disc herniation.');
  });

  it('keeps what is not sensitive readable', () => {
    const all = texts(review);
    expect(all).toContain('`slipped disc`');
    expect(all).toContain('`disc herniation`');
  });

  it('masks every occurrence when a draft repeats an identifier hundreds of times', () => {
    const unit = 'Thanks John Smith! ';
    const long = unit.repeat(500);
    const findings: Finding[] = [];
    for (let i = long.indexOf('John Smith'); i !== -1; i = long.indexOf('John Smith', i + 1)) {
      findings.push({ ...finding('John Smith', long, { sensitive: 'name', suggestion: '' }), start: i, end: i + 10 });
    }
    const all = texts({ findings, rewrite: long });
    expect(all).not.toContain('John');
    expect(all).toContain('J*** S****');
  });
});

describe('escaping', () => {
  const draft = 'Hi <!channel> <!here> see <https://evil.example|this> & `code` *bold* _it_ ~s~ > quote\nline two';
  const review: Review = {
    findings: [
      finding('<!channel>', draft, { suggestion: '<!everyone> & <@U999>' }),
      finding('<https://evil.example|this>', draft, { theme: 'security', practice: 'S7', message: 'Link <https://evil.example> & co' }),
      finding('`code` *bold* _it_ ~s~ > quote\nline two', draft, { theme: 'professionalism', practice: 'P2', suggestion: '*loud*' }),
    ],
    rewrite: draft,
  };

  it('escapes &, < and > in everything taken from the draft, so nothing can mention or link', () => {
    const all = mrkdwnTexts(review).join('\n');
    expect(all).not.toMatch(/<[!@#h]/);
    expect(all).not.toContain('<!channel>');
    expect(all).toContain('&lt;!channel&gt;');
    expect(all).toContain('&lt;!everyone&gt; &amp; &lt;@U999&gt;');
    expect(all).toContain('Link &lt;https://evil.example&gt; &amp; co');
    // an escaped draft is not escaped twice
    expect(all).not.toContain('&amp;lt;');
    const text = renderReview(review).text;
    expect(text).not.toMatch(/[<>]/);
  });

  it('shows excerpts as one-line inline code, so the draft cannot format itself', () => {
    const all = mrkdwnTexts(review).join('\n');
    expect(all).toContain('`ˋcodeˋ *bold* _it_ ~s~ &gt; quote ↵ line two`');
    expect(all).toContain('*Suggestion:* `*loud*`');
  });

  it('puts the rewrite in a code block that draft backticks cannot close', () => {
    const rewrite = mrkdwnTexts(review).find((t) => t.startsWith('*Rewritten draft*')) ?? '';
    const inner = rewrite.slice(rewrite.indexOf('```') + 3, rewrite.lastIndexOf('```'));
    expect(inner).not.toContain('`');
    expect(inner).toContain('&lt;https://evil.example|this&gt; &amp; ˋcodeˋ');
    expect(rewrite.match(/```/g)).toHaveLength(2);
  });

  it('sections are verbatim, so Slack links nothing by itself', () => {
    const blocks = renderReview(review).blocks as { type: string; text?: { type: string; verbatim?: boolean } }[];
    for (const b of blocks) if (b.type === 'section') expect(b.text?.verbatim).toBe(true);
  });

  it('escapeText, clip and inlineCode', () => {
    expect(escapeText('a & <b> &amp;')).toBe('a &amp; &lt;b&gt; &amp;amp;');
    expect(clip('abcdef', 4)).toBe('abc…');
    expect(clip('😀😀😀', 2)).toBe('😀…');
    expect(inlineCode('  ', 10)).toBe('_(blank)_');
    expect(inlineCode('a`b', 10)).toBe('`aˋb`');
  });
});

describe('layout', () => {
  const draft = 'one two three four five six';
  const mk = (text: string, theme: Theme, severity: Severity, practice = 'X1') =>
    finding(text, draft, { theme, severity, practice, suggestion: text.toUpperCase() });

  it('groups findings by theme in THEMES order, the most severe first', () => {
    const review: Review = {
      findings: [
        mk('one', 'spine-care', 'suggestion'),
        mk('two', 'security', 'warning'),
        mk('three', 'compliance', 'suggestion'),
        mk('four', 'compliance', 'error'),
        mk('five', 'spine-care', 'error'),
      ],
      rewrite: 'ONE TWO THREE FOUR FIVE six',
    };
    const all = texts(review);
    const order = ['*Compliance and Confidentiality* · 2 findings', '`four`', '`three`', '*Security and Access* · 1 finding', '`two`', '*Spine Care* · 2 findings', '`five`', '`one`'];
    const positions = order.map((s) => all.indexOf(s));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(all).not.toContain('*Professionalism*');
    expect(all).toContain('ONE TWO THREE FOUR FIVE six');
  });

  it('says the verdict in the header and the text fallback', () => {
    const header = (r: Review) => (renderReview(r).blocks[0] as { type: string; text: { text: string } }).text.text;
    expect(header({ findings: [mk('one', 'security', 'error')], rewrite: '' })).toContain('Fix before posting');
    expect(header({ findings: [mk('one', 'security', 'warning')], rewrite: '' })).toContain('Review before posting');
    expect(header({ findings: [mk('one', 'security', 'suggestion')], rewrite: '' })).toContain('Ready to post, with suggestions');
    expect(header({ findings: [], rewrite: draft })).toContain('No findings');
    expect(renderReview({ findings: [], rewrite: draft }).text).toBe('No findings: ready to post.');
    const three = { findings: [mk('one', 'compliance', 'warning'), mk('two', 'compliance', 'error'), mk('three', 'spine-care', 'suggestion')], rewrite: '' };
    expect(summaryText(three)).toBe('3 findings in 2 themes: Compliance and Confidentiality (2), Spine Care (1). Fix before posting.');
    expect(renderReview(three).text).toBe(summaryText(three));
  });

  it('shows practice id, message, why and suggestion of each finding', () => {
    const f = finding('two', draft, { practice: 'SC4', message: 'Cite a source.', why: 'Claims need evidence.', suggestion: 'TWO' });
    const all = texts({ findings: [f], rewrite: 'one TWO three' });
    expect(all).toContain('SC4');
    expect(all).toContain('Cite a source.');
    expect(all).toContain('Claims need evidence.');
    expect(all).toContain('*Suggestion:* `TWO`');
  });

  it('says when there is no rewrite, and when a suggestion is to remove', () => {
    const none = texts({ findings: [finding('two', draft)], rewrite: draft });
    expect(none).toContain('No rewrite');
    expect(none).not.toContain('```');
    expect(texts({ findings: [finding('two', draft, { suggestion: '' })], rewrite: 'one  three' })).toContain('*Suggestion:* remove it.');
  });

  it('adds the trusted note and footer', () => {
    const all = texts({ findings: [], rewrite: draft }, { note: 'Review requested by <@U1>', footer: 'See `/postcheck help`' });
    expect(all).toContain('Review requested by <@U1>');
    expect(all).toContain('See `/postcheck help`');
  });
});

describe('Block Kit limits', () => {
  /** 4 themes × 300 findings with long excerpts and texts, a 40,000-character rewrite full of characters that grow when escaped. */
  function huge(): Review {
    const draft = `${'<&> '.repeat(5000)}${'x'.repeat(20_000)}`;
    const findings: Finding[] = [];
    for (const theme of THEMES) {
      for (let i = 0; i < 300; i++) {
        findings.push({
          rule: `${theme}.r${i}`,
          practice: 'C1',
          theme,
          severity: (['error', 'warning', 'suggestion'] as const)[i % 3]!,
          start: i,
          end: i + 5000,
          text: draft.slice(i, i + 5000),
          message: 'm'.repeat(5000),
          why: 'w'.repeat(5000),
          suggestion: '&'.repeat(5000),
          sensitive: i === 7 ? 'identifier' : undefined,
        });
      }
    }
    return { findings, rewrite: draft };
  }

  it('stays within 50 blocks, 3,000 characters a section and 150 in the header, and counts what is cut', () => {
    const rendered = renderReview(huge(), { note: 'note', footer: 'footer' });
    expect(blockKitProblems(rendered.blocks)).toEqual([]);
    expect(rendered.blocks.length).toBeLessThanOrEqual(50);
    const all = allStrings(rendered.blocks).join('\n');
    for (const theme of THEMES) {
      const shown = (all.match(new RegExp(`\\*${THEME_TITLES[theme]}\\* · 300 findings`, 'g')) ?? []).length;
      expect(shown).toBe(1);
      const more = all.match(new RegExp(`\\+(\\d+) more in ${THEME_TITLES[theme]}`));
      expect(more).not.toBeNull();
      expect(Number(more?.[1])).toBeGreaterThan(250);
    }
    expect(all).toMatch(/The rewrite is 40,000 characters long; the first [\d,]+ are shown/);
  });

  it('shares the budget fairly: shown + cut adds up for each theme', () => {
    const rendered = renderReview(huge());
    const blocks = rendered.blocks as { type: string; text?: { text: string }; elements?: { text: string }[] }[];
    let theme: string | undefined;
    const shown = new Map<string, number>();
    const cut = new Map<string, number>();
    for (const b of blocks) {
      const t = b.text?.text ?? b.elements?.[0]?.text ?? '';
      const title = t.match(/^\*(.+)\* · [\d,]+ findings?$/);
      if (b.type === 'section' && title) theme = title[1];
      else if (b.type === 'section' && theme && /^:[a-z_]+: \*(Error|Warning|Suggestion)\*/.test(t)) shown.set(theme, (shown.get(theme) ?? 0) + 1);
      const more = t.match(/^\+(\d+) more in (.+?):/);
      if (more) cut.set(more[2]!, Number(more[1]));
    }
    const counts = [...shown.values()];
    expect(counts).toHaveLength(4);
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
    for (const [t, n] of shown) expect(n + (cut.get(t) ?? 0)).toBe(300);
  });

  it('respects a smaller block budget', () => {
    const rendered = renderReview(huge(), { maxBlocks: 20 });
    expect(rendered.blocks.length).toBeLessThanOrEqual(20);
    expect(blockKitProblems(rendered.blocks, 20)).toEqual([]);
  });

  it('shows every finding of a small review', () => {
    const draft = 'a b c d e f g h i j';
    const findings = 'abcdefghij'.split('').map((ch) => finding(ch, draft, { suggestion: ch.toUpperCase() }));
    const all = texts({ findings, rewrite: draft.toUpperCase() });
    for (const ch of 'abcdefghij') expect(all).toContain(`\`${ch}\``);
    expect(all).not.toContain('more in');
  });

  it('chunkEscaped cuts within room, at spaces where it can, never inside a surrogate pair', () => {
    const text = '😀 a&b <c> '.repeat(400);
    const { chunks, shownChars } = chunkEscaped(text, [300, 300, 300]);
    expect(chunks).toHaveLength(3);
    for (const c of chunks) {
      expect(escapeText(c).length).toBeLessThanOrEqual(300);
      expect(c).not.toMatch(/[\uD800-\uDBFF]$/);
      expect(c.endsWith(' ')).toBe(true);
    }
    expect(Array.from(chunks.join('')).length).toBe(shownChars);
    expect(text.startsWith(chunks.join(''))).toBe(true);
    expect(chunkEscaped('short', [300, 300]).chunks).toEqual(['short']);
  });
});

describe('help and notices', () => {
  it('lists usage and every practice text cannot show, with its checklist question', () => {
    const practices = getEngine().practices;
    const rendered = renderHelp(practices);
    const all = allStrings(rendered.blocks).join('\n');
    expect(all).toContain('/postcheck your draft');
    expect(all).toContain('npx postcheck review');
    const unseen = practices.filter((p) => !p.checkable);
    expect(unseen.length).toBeGreaterThan(0);
    for (const p of unseen) expect(all).toContain(`*${p.id}* ${escapeText(p.checklist ?? '')}`);
    for (const p of practices.filter((q) => q.checkable)) expect(all).not.toContain(`*${p.id}* `);
    expect(blockKitProblems(rendered.blocks)).toEqual([]);
  });

  it('escapes a notice', () => {
    expect(renderNotice('a <b> & c').text).toBe('a &lt;b&gt; &amp; c');
  });
});
