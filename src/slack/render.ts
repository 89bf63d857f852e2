/**
 * A Review as Block Kit: a header with the verdict; per theme (THEMES order)
 * its findings, each with severity, the masked excerpt, what is wrong, the
 * suggestion, the practice and why; then the rewritten draft; and a one-line
 * `text` fallback that names no word of the draft.
 *
 * Safety:
 *  - `renderReview` masks the review itself (`maskReview`): callers pass the
 *    engine's review and cannot forget to mask. Messages and reasons are also
 *    masked, in case a detector quoted what it found.
 *  - Everything taken from the draft is escaped (`&`, `<`, `>`), so a draft
 *    cannot inject `<!channel>` or a link, and is shown inside code (inline
 *    for excerpts and suggestions, a code block for the rewrite), so it cannot
 *    bold or link itself; sections are `verbatim` so Slack links nothing.
 *  - Block Kit limits hold for any draft up to 40,000 characters: at most
 *    `maxBlocks` blocks (50 in a message), 3,000 characters a section, 150 in
 *    the header; cut findings are counted ("+N more"), a long rewrite is
 *    trimmed with a note.
 */
import type { types as slack } from '@slack/bolt';
import {
  maskReview,
  maskWithin,
  SEVERITY_RANK,
  THEMES,
  THEME_TITLES,
  type Finding,
  type Practice,
  type Review,
  type Severity,
  type Theme,
} from '../engine/index.js';

export type Block = slack.KnownBlock;

export interface Rendered {
  /** One line, for notifications and clients that cannot show blocks. */
  text: string;
  blocks: Block[];
}

export const LIMITS = {
  /** Blocks in a message (a modal allows 100). */
  blocks: 50,
  sectionText: 3000,
  headerText: 150,
  contextElements: 10,
} as const;

/** How much of each part of a finding is shown (code points). */
const EXCERPT_MAX = 200;
const SUGGESTION_MAX = 200;
const MESSAGE_MAX = 400;
const WHY_MAX = 500;

export interface RenderOptions {
  /** Block budget; 50 (a message) unless told otherwise. */
  maxBlocks?: number;
  /** Sections of the rewritten draft shown before it is trimmed (each under 3,000 characters). */
  maxRewriteSections?: number;
  /** Trusted mrkdwn (written by this app, never by the draft) shown under the header. */
  note?: string;
  /** Trusted mrkdwn shown at the end. */
  footer?: string;
}

const SEVERITY_LABEL: Record<Severity, string> = { error: 'Error', warning: 'Warning', suggestion: 'Suggestion' };
const SEVERITY_ICON: Record<Severity, string> = {
  error: ':red_circle:',
  warning: ':large_orange_circle:',
  suggestion: ':large_blue_circle:',
};

// ---------------------------------------------------------------------------
// Text helpers

/** Escapes the three characters Slack gives meaning to in message text. */
export function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Cuts to `max` code points (never inside a surrogate pair), ending with "…" when cut. */
export function clip(text: string, max: number): string {
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  return `${chars.slice(0, Math.max(0, max - 1)).join('')}…`;
}

/**
 * Draft text as inline code: one line, no backticks (they would close the
 * code), clipped, escaped. Inside code Slack applies no bold, italics, links
 * or emoji, so the text reads as typed.
 */
export function inlineCode(text: string, max: number): string {
  const oneLine = text
    .replace(/\r\n?|\n/g, ' ↵ ')
    .replace(/`/g, 'ˋ')
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, ' ')
    .trim();
  if (oneLine === '') return '_(blank)_';
  return `\`${escapeText(clip(oneLine, max))}\``;
}

function plural(n: number, word: string): string {
  return `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;
}

function mrkdwn(text: string, verbatim = true): slack.MrkdwnElement {
  return { type: 'mrkdwn', text, verbatim };
}

function section(text: string): slack.SectionBlock {
  return { type: 'section', text: mrkdwn(clipSection(text)) };
}

function context(text: string): slack.ContextBlock {
  return { type: 'context', elements: [mrkdwn(clipSection(text))] };
}

/** Last line of defence: a section never exceeds Slack's 3,000 characters (cut before an entity, not inside it). */
function clipSection(text: string): string {
  if (text.length <= LIMITS.sectionText) return text;
  let cut = text.slice(0, LIMITS.sectionText - 1);
  const amp = cut.lastIndexOf('&');
  if (amp !== -1 && amp > cut.length - 5 && !cut.slice(amp).includes(';')) cut = cut.slice(0, amp);
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut}…`;
}

function header(text: string): slack.HeaderBlock {
  return { type: 'header', text: { type: 'plain_text', text: clip(text, LIMITS.headerText), emoji: true } };
}

// ---------------------------------------------------------------------------
// Verdict and summary

export interface Verdict {
  icon: string;
  title: string;
}

export function verdict(review: Review): Verdict {
  const worst = worstSeverity(review.findings);
  switch (worst) {
    case 'error':
      return { icon: ':no_entry:', title: 'Fix before posting' };
    case 'warning':
      return { icon: ':warning:', title: 'Review before posting' };
    case 'suggestion':
      return { icon: ':bulb:', title: 'Ready to post, with suggestions' };
    default:
      return { icon: ':white_check_mark:', title: 'No findings: ready to post' };
  }
}

function worstSeverity(findings: readonly Finding[]): Severity | undefined {
  let worst: Severity | undefined;
  for (const f of findings) if (worst === undefined || SEVERITY_RANK[f.severity] < SEVERITY_RANK[worst]) worst = f.severity;
  return worst;
}

function countsByTheme(findings: readonly Finding[]): [Theme, number][] {
  return THEMES.map((t) => [t, findings.filter((f) => f.theme === t).length] as [Theme, number]).filter(([, n]) => n > 0);
}

/** "3 findings in 2 themes: Compliance and Confidentiality (2), Spine Care (1). Fix before posting." */
export function summaryText(review: Review): string {
  const n = review.findings.length;
  if (n === 0) return 'No findings: ready to post.';
  const themes = countsByTheme(review.findings);
  const list = themes.map(([t, k]) => `${THEME_TITLES[t]} (${k})`).join(', ');
  return `${plural(n, 'finding')} in ${plural(themes.length, 'theme')}: ${list}. ${verdict(review).title}.`;
}

function severityCounts(findings: readonly Finding[]): string {
  return (['error', 'warning', 'suggestion'] as const)
    .map((s) => [s, findings.filter((f) => f.severity === s).length] as const)
    .filter(([, k]) => k > 0)
    .map(([s, k]) => plural(k, s))
    .join(' · ');
}

// ---------------------------------------------------------------------------
// The review

/** Renders the engine's review (unmasked; this function masks it). */
export function renderReview(review: Review, options: RenderOptions = {}): Rendered {
  const maxBlocks = options.maxBlocks ?? LIMITS.blocks;
  // Masking looks for every sensitive excerpt in every shown text; one entry
  // per distinct excerpt keeps that cheap for a draft with hundreds of them.
  const secrets = distinctSensitive(review.findings);
  const hide = (s: string) => maskWithin(s, secrets);
  const maskedRewrite = maskReview({ findings: secrets, rewrite: review.rewrite }).rewrite;
  const v = verdict(review);
  const text = escapeText(summaryText(review));

  const head: Block[] = [header(`${v.icon} ${v.title}`)];
  const n = review.findings.length;
  head.push(
    context(
      n === 0
        ? 'postcheck found nothing to change in this draft.'
        : `${plural(n, 'finding')} in ${plural(countsByTheme(review.findings).length, 'theme')} · ${severityCounts(review.findings)}`,
    ),
  );
  if (options.note) head.push(context(options.note));

  const hasSuggestion = review.findings.some((f) => f.suggestion !== null);
  const tail: Block[] = n > 0 ? rewriteBlocks(maskedRewrite, hasSuggestion, options.maxRewriteSections ?? 3) : [];
  if (options.footer) tail.push(context(options.footer));

  const groups = selectFindings(review.findings, Math.max(0, maxBlocks - head.length - tail.length));
  const selected = groups.flatMap((g) => g.findings.slice(0, g.shown));
  const masked = maskReview({ findings: [...secrets, ...selected], rewrite: '' }).findings.slice(secrets.length);
  const shownAs = new Map(selected.map((f, i) => [f, masked[i] as Finding]));

  const body: Block[] = [];
  for (const g of groups) {
    const title = THEME_TITLES[g.theme];
    body.push(section(`*${escapeText(title)}* · ${plural(g.findings.length, 'finding')}`));
    for (const f of g.findings.slice(0, g.shown)) body.push(section(findingText(shownAs.get(f) ?? f, hide)));
    const more = g.findings.length - g.shown;
    if (more > 0) {
      body.push(context(`+${more.toLocaleString('en-US')} more in ${escapeText(title)}: fix these and check again to see the rest.`));
    }
  }
  const blocks = [...head, ...body, ...tail].slice(0, maxBlocks);
  return { text, blocks };
}

/** One finding per distinct sensitive excerpt (and kind): all that masking needs to know. */
function distinctSensitive(findings: readonly Finding[]): Finding[] {
  const seen = new Set<string>();
  const out: Finding[] = [];
  for (const f of findings) {
    if (f.sensitive === undefined || f.sensitive === 'text') continue;
    const key = `${f.sensitive}\u0000${f.text}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(f);
  }
  return out;
}

interface Group {
  theme: Theme;
  findings: Finding[];
  shown: number;
}

/**
 * Findings grouped by theme (most severe first), and how many of each fit a
 * block budget shared fairly between the themes: each theme takes a title
 * block, its findings, and a "+N more" block when some are cut.
 */
function selectFindings(findings: readonly Finding[], budget: number): Group[] {
  const groups: Group[] = THEMES.map((theme) => ({
    theme,
    findings: findings
      .filter((f) => f.theme === theme)
      .sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || a.start - b.start),
    shown: 0,
  })).filter((g) => g.findings.length > 0);

  // Each theme: a title, its first finding, and "+N more" when it has others.
  let used = 0;
  for (const g of groups) {
    g.shown = 1;
    used += 2 + (g.findings.length > 1 ? 1 : 0);
  }
  // Then one more finding per theme in turn while the budget lasts.
  let progress = true;
  while (progress) {
    progress = false;
    for (const g of groups) {
      if (g.shown >= g.findings.length) continue;
      const cost = g.shown + 1 === g.findings.length ? 0 : 1; // the last one replaces "+N more"
      if (used + cost > budget) continue;
      g.shown++;
      used += cost;
      progress = true;
    }
  }
  return groups;
}

/** One finding (already masked) as mrkdwn. */
function findingText(f: Finding, hide: (s: string) => string): string {
  const lines = [
    `${SEVERITY_ICON[f.severity]} *${SEVERITY_LABEL[f.severity]}* · ${inlineCode(f.text, EXCERPT_MAX)}`,
    escapeText(clip(hide(f.message), MESSAGE_MAX)),
  ];
  if (f.suggestion === null) lines.push('*Suggestion:* no safe wording to propose; rephrase or remove it.');
  else if (f.suggestion.trim() === '') lines.push('*Suggestion:* remove it.');
  else lines.push(`*Suggestion:* ${inlineCode(f.suggestion, SUGGESTION_MAX)}`);
  lines.push(`_${escapeText(f.practice)} · ${escapeText(clip(hide(f.why), WHY_MAX)).replace(/_/g, ' ')}_`);
  return lines.join('\n');
}

/** The rewritten draft (already masked) in code blocks, trimmed with a note when too long. */
function rewriteBlocks(maskedRewrite: string, hasSuggestion: boolean, maxSections: number): Block[] {
  if (!hasSuggestion) {
    return [context('No rewrite: none of these findings has a safe wording to propose, so the draft needs your own edits.')];
  }
  const title = '*Rewritten draft* (every suggestion applied; masked words stand for what to remove or replace)';
  const rewrite = maskedRewrite.replace(/`/g, 'ˋ');
  const fence = (s: string) => `\`\`\`\n${s}\n\`\`\``;
  const firstRoom = LIMITS.sectionText - title.length - 1 - fence('').length - 10;
  const room = LIMITS.sectionText - fence('').length - 10;
  const { chunks, shownChars } = chunkEscaped(rewrite, [firstRoom, ...Array.from({ length: maxSections - 1 }, () => room)]);
  const blocks: Block[] = [{ type: 'divider' }];
  chunks.forEach((chunk, i) => {
    const code = fence(escapeText(chunk.trim() === '' ? ' ' : chunk));
    blocks.push(section(i === 0 ? `${title}\n${code}` : code));
  });
  const total = Array.from(rewrite).length;
  if (shownChars < total) {
    blocks.push(
      context(
        `The rewrite is ${plural(total, 'character')} long; the first ${shownChars.toLocaleString('en-US')} are shown. Review the draft in shorter parts to see the rest.`,
      ),
    );
  }
  return blocks;
}

/**
 * Splits text into at most `rooms.length` pieces whose escaped length fits
 * each room, cutting at a line break or a space where possible and never
 * inside a surrogate pair or an entity.
 */
export function chunkEscaped(text: string, rooms: readonly number[]): { chunks: string[]; shownChars: number } {
  const chunks: string[] = [];
  const chars = Array.from(text);
  let i = 0;
  for (const room of rooms) {
    if (i >= chars.length) break;
    let size = 0;
    let j = i;
    let lastLine = -1;
    let lastSpace = -1;
    while (j < chars.length) {
      const c = chars[j] as string;
      const w = c === '&' ? 5 : c === '<' || c === '>' ? 4 : c.length;
      if (size + w > room) break;
      size += w;
      j++;
      if (c === '\n') lastLine = j;
      else if (/\s/.test(c)) lastSpace = j;
    }
    if (j < chars.length) {
      const half = i + (j - i) / 2;
      if (lastLine > half) j = lastLine;
      else if (lastSpace > half) j = lastSpace;
    }
    if (j === i) break; // a room too small for even one character
    chunks.push(chars.slice(i, j).join(''));
    i = j;
  }
  return { chunks, shownChars: i };
}

// ---------------------------------------------------------------------------
// Help, problems

export const USAGE_LINES = [
  '*Review a draft privately:* `/postcheck your draft`; only you see the answer.',
  '*Review a message:* open its ⋯ menu and choose *Review this post*; the review is posted in its thread (re-check after an edit to update it).',
  '*Check a draft in a window:* run the *Check a draft* shortcut from the ⚡ / + menu.',
  '*Review on your own computer:* `npx postcheck review "your draft"`.',
];

/** Usage, and the checklist of practices that text cannot show. */
export function renderHelp(practices: readonly Practice[]): Rendered {
  const blocks: Block[] = [
    header('postcheck: check a post before you share it'),
    section(
      [
        'postcheck reviews social-media drafts for patient privacy, professionalism, security and spine-care claims.',
        '',
        ...USAGE_LINES,
      ].join('\n'),
    ),
  ];
  const checklist = practices.filter((p) => !p.checkable && p.checklist);
  if (checklist.length > 0) {
    blocks.push({ type: 'divider' });
    blocks.push(section('*What text cannot show: ask yourself before posting*'));
    for (const theme of THEMES) {
      const items = checklist.filter((p) => p.theme === theme);
      if (items.length === 0) continue;
      const lines = items.map((p) => `• *${escapeText(p.id)}* ${escapeText(p.checklist ?? '')}`);
      blocks.push(section(`*${escapeText(THEME_TITLES[theme])}*\n${lines.join('\n')}`));
    }
  }
  return {
    text: 'postcheck: /postcheck your draft reviews it privately; use the Review this post shortcut on a message to review it in its thread.',
    blocks: blocks.slice(0, LIMITS.blocks),
  };
}

/** A short notice (an empty or too long draft, an error): `message` is escaped. */
export function renderNotice(message: string, icon = ':information_source:'): Rendered {
  const escaped = escapeText(message);
  return { text: escaped, blocks: [section(`${icon} ${escaped}`)] };
}
