/**
 * Slack's encoding of message text, undone before a review, so the engine
 * sees the words the author typed:
 *
 *  - `&amp;` `&lt;` `&gt;` become `&` `<` `>` (in one pass: `&amp;lt;` is `&lt;`);
 *  - links `<https://x|label>` become `label` when the label is the address as
 *    typed, otherwise `label (https://x)` (a hidden address matters to a
 *    review); `<mailto:a@b.org|a@b.org>` and `<tel:…|…>` become the address or
 *    number shown;
 *  - mentions `<@U123>`, `<#C1|name>`, `<!channel>`, `<!subteam^S1|@team>`,
 *    `<!date^…|fallback>` become `@user`, `#name`, `@channel`, `@team`, the
 *    fallback.
 *
 * A message can carry its words in `blocks` (rich_text, section, header,
 * context) or `attachments` rather than `text`; `messageText` takes them from
 * wherever they are.
 */

const ENTITY = /<([^<>\n]*)>|&(amp|lt|gt);/g;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>' };

/** Undoes the three HTML entities Slack uses, in one pass. */
export function decodeEntities(text: string): string {
  return text.replace(/&(amp|lt|gt);/g, (_, name: string) => ENTITIES[name] ?? _);
}

/** Decodes Slack's mrkdwn-encoded text (a message's `text`, a slash command's `text`). */
export function decodeSlackText(text: string): string {
  return text.replace(ENTITY, (whole, inner: string | undefined, entity: string | undefined) => {
    if (entity !== undefined) return ENTITIES[entity] ?? whole;
    return decodeControl(inner ?? '');
  });
}

function decodeControl(inner: string): string {
  const bar = inner.indexOf('|');
  const target = bar === -1 ? inner : inner.slice(0, bar);
  const label = bar === -1 ? undefined : decodeEntities(inner.slice(bar + 1));
  const shown = label !== undefined && label.trim() !== '' ? label : undefined;
  if (target.startsWith('@')) return shown !== undefined ? withSigil('@', shown) : '@user';
  if (target.startsWith('#')) return shown !== undefined ? withSigil('#', shown) : '#channel';
  if (target.startsWith('!')) return special(target.slice(1), shown);
  const address = decodeEntities(target);
  const lower = address.toLowerCase();
  if (lower.startsWith('mailto:')) return shown ?? address.slice('mailto:'.length);
  if (lower.startsWith('tel:')) return shown ?? address.slice('tel:'.length);
  if (shown === undefined) return address;
  return sameAddress(shown, address) ? shown : `${shown} (${address})`;
}

function withSigil(sigil: string, label: string): string {
  return label.startsWith(sigil) ? label : sigil + label;
}

function special(name: string, label: string | undefined): string {
  const base = name.split('^')[0]?.toLowerCase() ?? '';
  if (base === 'channel' || base === 'here' || base === 'everyone') return `@${base}`;
  if (base === 'subteam') return label !== undefined ? withSigil('@', label) : '@group';
  if (base === 'date') return label ?? '';
  return label ?? `@${base}`;
}

/** "example.com" typed and linked as http://example.com is the same address. */
function sameAddress(label: string, url: string): boolean {
  const strip = (s: string) =>
    s
      .trim()
      .replace(/^[a-z][a-z0-9+.-]*:\/\//i, '')
      .replace(/^www\./i, '')
      .replace(/\/$/, '')
      .toLowerCase();
  return strip(label) === strip(url);
}

// ---------------------------------------------------------------------------
// Words of a whole message

type Json = Record<string, unknown>;

function isRecord(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

function list(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

/** The text a message shows: `text` when it has any, else its blocks, else its attachments. */
export function messageText(message: unknown): string {
  if (!isRecord(message)) return '';
  const text = str(message.text);
  if (text !== undefined && text.trim() !== '') return decodeSlackText(text);
  const fromBlocks = blocksText(message.blocks);
  if (fromBlocks.trim() !== '') return fromBlocks;
  return attachmentsText(message.attachments);
}

/** The words of Block Kit blocks (rich_text, section, header, context, markdown). */
export function blocksText(blocks: unknown): string {
  const parts: string[] = [];
  for (const block of list(blocks)) {
    if (!isRecord(block)) continue;
    switch (block.type) {
      case 'rich_text':
        parts.push(richTextContainers(block.elements));
        break;
      case 'section': {
        const own = textObject(block.text);
        if (own) parts.push(own);
        for (const field of list(block.fields)) {
          const t = textObject(field);
          if (t) parts.push(t);
        }
        break;
      }
      case 'header': {
        const t = textObject(block.text);
        if (t) parts.push(t);
        break;
      }
      case 'context': {
        const t = list(block.elements)
          .map(textObject)
          .filter((s) => s !== '')
          .join(' ');
        if (t) parts.push(t);
        break;
      }
      case 'markdown': {
        const t = str(block.text);
        if (t) parts.push(t);
        break;
      }
      default:
        break;
    }
  }
  return parts.map((p) => p.replace(/\n+$/, '')).join('\n');
}

/** A Block Kit text object: mrkdwn is encoded like message text, plain_text is not. */
function textObject(v: unknown): string {
  if (!isRecord(v)) return '';
  const t = str(v.text) ?? '';
  return v.type === 'mrkdwn' ? decodeSlackText(t) : t;
}

function richTextContainers(elements: unknown): string {
  const out: string[] = [];
  for (const el of list(elements)) {
    if (!isRecord(el)) continue;
    let piece = '';
    switch (el.type) {
      case 'rich_text_section':
      case 'rich_text_preformatted':
      case 'rich_text_quote':
        piece = inlineElements(el.elements);
        break;
      case 'rich_text_list': {
        const ordered = el.style === 'ordered';
        const indent = '  '.repeat(typeof el.indent === 'number' ? Math.max(0, Math.min(el.indent, 8)) : 0);
        piece = list(el.elements)
          .map((item, i) => `${indent}${ordered ? `${i + 1}.` : '•'} ${isRecord(item) ? inlineElements(item.elements).replace(/\n+$/, '') : ''}`)
          .join('\n');
        break;
      }
      default:
        break;
    }
    if (piece === '') continue;
    const prev = out[out.length - 1];
    if (prev !== undefined && !prev.endsWith('\n')) out.push('\n');
    out.push(piece);
  }
  return out.join('');
}

/** Inline rich-text elements: their text is not entity-encoded. */
function inlineElements(elements: unknown): string {
  let out = '';
  for (const el of list(elements)) {
    if (!isRecord(el)) continue;
    switch (el.type) {
      case 'text':
        out += str(el.text) ?? '';
        break;
      case 'link': {
        const url = str(el.url) ?? '';
        const text = str(el.text);
        const label = text !== undefined && text.trim() !== '' ? text : undefined;
        out += label === undefined ? url : sameAddress(label, url) ? label : `${label} (${url})`;
        break;
      }
      case 'emoji':
        out += emoji(el);
        break;
      case 'user':
        out += '@user';
        break;
      case 'usergroup':
        out += '@group';
        break;
      case 'channel':
        out += '#channel';
        break;
      case 'broadcast':
        out += `@${str(el.range) ?? 'channel'}`;
        break;
      case 'date':
        out += str(el.fallback) ?? '';
        break;
      case 'color':
        out += str(el.value) ?? '';
        break;
      default:
        out += str(el.text) ?? '';
        break;
    }
  }
  return out;
}

function emoji(el: Json): string {
  const unicode = str(el.unicode);
  if (unicode !== undefined && /^[0-9a-f]{2,6}(?:-[0-9a-f]{2,6})*$/i.test(unicode)) {
    try {
      return String.fromCodePoint(...unicode.split('-').map((h) => Number.parseInt(h, 16)));
    } catch {
      // fall through to the name
    }
  }
  const name = str(el.name);
  return name !== undefined ? `:${name}:` : '';
}

/** The words of legacy attachments: pretext, title, text and fields (fallback only when nothing else). */
export function attachmentsText(attachments: unknown): string {
  const parts: string[] = [];
  for (const a of list(attachments)) {
    if (!isRecord(a)) continue;
    const own: string[] = [];
    for (const key of ['pretext', 'title', 'text'] as const) {
      const t = str(a[key]);
      if (t !== undefined && t.trim() !== '') own.push(decodeSlackText(t));
    }
    for (const field of list(a.fields)) {
      if (!isRecord(field)) continue;
      const title = str(field.title);
      const value = str(field.value);
      const t = [title, value].filter((s): s is string => s !== undefined && s.trim() !== '').join(': ');
      if (t) own.push(decodeSlackText(t));
    }
    const fromBlocks = blocksText(a.blocks);
    if (fromBlocks.trim() !== '') own.push(fromBlocks);
    if (own.length === 0) {
      const fallback = str(a.fallback);
      if (fallback !== undefined && fallback.trim() !== '') own.push(decodeSlackText(fallback));
    }
    parts.push(...own);
  }
  return parts.join('\n');
}
