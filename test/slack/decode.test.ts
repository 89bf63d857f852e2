import { describe, expect, it } from 'vitest';
import { attachmentsText, blocksText, decodeEntities, decodeSlackText, messageText } from '../../src/slack/decode.js';

describe('decodeSlackText', () => {
  it.each([
    ['Knees &amp; backs', 'Knees & backs'],
    ['a &lt;b&gt; c', 'a <b> c'],
    ['&amp;lt; stays an entity once decoded', '&lt; stays an entity once decoded'],
    ['&quot;other&quot; entities stay', '&quot;other&quot; entities stay'],
    ['see <https://example.org/a?b=1&amp;c=2>', 'see https://example.org/a?b=1&c=2'],
    ['see <http://example.org|example.org>', 'see example.org'],
    ['see <https://www.example.org/|www.example.org>', 'see www.example.org'],
    ['see <https://evil.example/login|our clinic site>', 'see our clinic site (https://evil.example/login)'],
    ['mail <mailto:front.desk@clinic.org|front.desk@clinic.org>', 'mail front.desk@clinic.org'],
    ['mail <mailto:front.desk@clinic.org>', 'mail front.desk@clinic.org'],
    ['call <tel:+15558675309|555-867-5309>', 'call 555-867-5309'],
    ['call <tel:+15558675309>', 'call +15558675309'],
    ['thanks <@U123ABC>', 'thanks @user'],
    ['thanks <@U123ABC|drlee>', 'thanks @drlee'],
    ['in <#C123|spine-talk>', 'in #spine-talk'],
    ['in <#C123>', 'in #channel'],
    ['hey <!channel>', 'hey @channel'],
    ['hey <!here|here>', 'hey @here'],
    ['hey <!everyone>', 'hey @everyone'],
    ['cc <!subteam^S123|@surgeons>', 'cc @surgeons'],
    ['cc <!subteam^S123>', 'cc @group'],
    ['on <!date^1392734382^{date_short}|Feb 18, 2014>', 'on Feb 18, 2014'],
    ['a label with &amp; <https://x.org|R&amp;D>', 'a label with & R&D (https://x.org)'],
    ['no brackets here', 'no brackets here'],
  ])('%j → %j', (input, expected) => {
    expect(decodeSlackText(input)).toBe(expected);
  });

  it('decodes entities in one pass', () => {
    expect(decodeEntities('&amp;amp; &amp;gt; &gt;')).toBe('&amp; &gt; >');
  });

  it('a typed "<!channel>" arrives encoded and is reviewed as typed', () => {
    expect(decodeSlackText('&lt;!channel&gt;')).toBe('<!channel>');
  });
});

describe('messageText', () => {
  it('prefers text', () => {
    expect(messageText({ text: 'Hello &amp; welcome', blocks: [{ type: 'rich_text', elements: [] }] })).toBe('Hello & welcome');
  });

  it('reads rich_text blocks when text is empty', () => {
    const message = {
      text: '',
      blocks: [
        {
          type: 'rich_text',
          elements: [
            {
              type: 'rich_text_section',
              elements: [
                { type: 'text', text: 'Great day with ' },
                { type: 'user', user_id: 'U1' },
                { type: 'text', text: ' & the team ' },
                { type: 'emoji', name: 'tada', unicode: '1f389' },
                { type: 'text', text: ' see ' },
                { type: 'link', url: 'https://clinic.example', text: 'our site' },
                { type: 'text', text: ' ' },
                { type: 'broadcast', range: 'here' },
                { type: 'text', text: '\n' },
              ],
            },
            {
              type: 'rich_text_list',
              style: 'bullet',
              elements: [
                { type: 'rich_text_section', elements: [{ type: 'text', text: 'stay active' }] },
                { type: 'rich_text_section', elements: [{ type: 'text', text: 'no bed rest' }] },
              ],
            },
            { type: 'rich_text_quote', elements: [{ type: 'text', text: 'quoted' }] },
            { type: 'rich_text_preformatted', elements: [{ type: 'text', text: 'pre <b>' }] },
          ],
        },
      ],
    };
    expect(messageText(message)).toBe(
      'Great day with @user & the team 🎉 see our site (https://clinic.example) @here\n• stay active\n• no bed rest\nquoted\npre <b>',
    );
  });

  it('numbers ordered lists', () => {
    const blocks = [
      {
        type: 'rich_text',
        elements: [
          {
            type: 'rich_text_list',
            style: 'ordered',
            elements: [
              { type: 'rich_text_section', elements: [{ type: 'text', text: 'one' }] },
              { type: 'rich_text_section', elements: [{ type: 'text', text: 'two' }] },
            ],
          },
        ],
      },
    ];
    expect(blocksText(blocks)).toBe('1. one\n2. two');
  });

  it('reads section, header and context blocks (mrkdwn decoded, plain text as is)', () => {
    const blocks = [
      { type: 'header', text: { type: 'plain_text', text: 'Title & more' } },
      { type: 'section', text: { type: 'mrkdwn', text: 'Body &amp; <https://x.org|x.org>' }, fields: [{ type: 'plain_text', text: 'F1' }] },
      { type: 'context', elements: [{ type: 'mrkdwn', text: 'ctx &lt;1&gt;' }, { type: 'image', image_url: 'https://i', alt_text: 'i' }] },
      { type: 'divider' },
    ];
    expect(messageText({ text: '  ', blocks })).toBe('Title & more\nBody & x.org\nF1\nctx <1>');
  });

  it('reads attachments when text and blocks are empty', () => {
    const message = {
      text: '',
      attachments: [
        { fallback: 'ignored', pretext: 'Shared &amp; noted', title: 'A post', text: 'Body <https://x.org|link>', fields: [{ title: 'Where', value: 'Clinic' }] },
        { fallback: 'Only a fallback' },
      ],
    };
    expect(messageText(message)).toBe('Shared & noted\nA post\nBody link (https://x.org)\nWhere: Clinic\nOnly a fallback');
  });

  it('reads blocks inside attachments', () => {
    expect(attachmentsText([{ blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'inside' } }] }])).toBe('inside');
  });

  it('is empty for a message without words, and tolerates odd shapes', () => {
    expect(messageText({ text: '' })).toBe('');
    expect(messageText(undefined)).toBe('');
    expect(messageText({ text: 5, blocks: 'x', attachments: [null, 3] })).toBe('');
    expect(blocksText([{ type: 'rich_text', elements: [{ type: 'rich_text_section', elements: [null, { type: 'unknown' }] }] }])).toBe('');
  });
});
