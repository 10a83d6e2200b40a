import { describe, expect, it } from 'vitest';
import { Cooldown } from '../../src/discord/cooldown.js';
import { gapsReply } from '../../src/discord/format.js';
import { fitEmbed, toMessageOptions } from '../../src/discord/respond.js';
import {
  escapeMarkdown,
  highlight,
  joinWithin,
  link,
  safeText,
  safeUrl,
  truncate,
} from '../../src/discord/text.js';
import { messages } from '../../src/messages/messages.js';
import { hasLoneSurrogate } from './harness.js';

describe('escapeMarkdown', () => {
  it('escapes formatting, mentions, headings, lists and quotes so they show literally', () => {
    expect(escapeMarkdown('**a** _b_ `c` ~~d~~ ||e|| [f](g) <@1> <t:1:R>')).toBe(
      '\\*\\*a\\*\\* \\_b\\_ \\`c\\` \\~\\~d\\~\\~ \\|\\|e\\|\\| \\[f\\]\\(g\\) \\<@1\\> \\<t:1:R\\>',
    );
    expect(escapeMarkdown('# h\n> q\n- l\n12. n')).toBe('\\# h\n\\> q\n\\- l\n12\\. n');
    expect(escapeMarkdown('\\')).toBe('\\\\');
  });

  it('breaks @everyone and @here with a zero-width space', () => {
    expect(escapeMarkdown('@everyone @here')).toBe('@\u200beveryone @\u200bhere');
  });
});

describe('truncate', () => {
  it('leaves short text alone', () => {
    expect(truncate('short', 10)).toBe('short');
  });

  it('cuts at a word boundary with an ellipsis, within the limit', () => {
    const out = truncate('The quick brown fox jumps over the lazy dog', 20);
    expect(out).toBe('The quick brown fox…');
    expect(out.length).toBeLessThanOrEqual(20);
  });

  it('drops trailing punctuation before the ellipsis', () => {
    expect(truncate('alpha, beta, gamma, delta', 14)).toBe('alpha, beta…');
  });

  it('hard-cuts a single long word, never inside a surrogate pair or grapheme', () => {
    const rockets = '🚀'.repeat(50);
    for (let max = 2; max < 30; max++) {
      const out = truncate(rockets, max);
      expect(out.length).toBeLessThanOrEqual(max);
      expect(hasLoneSurrogate(out)).toBe(false);
      expect(out.endsWith('…')).toBe(true);
    }
    const astronaut = '👩🏽‍🚀'.repeat(10);
    const cut = truncate(astronaut, 12);
    expect(cut.replace('…', '').length % '👩🏽‍🚀'.length).toBe(0);
  });

  it('never leaves a dangling escape backslash', () => {
    expect(truncate('abc\\', 4, '…').endsWith('\\…')).toBe(false);
    expect(safeText('a*'.repeat(50), 21).endsWith('\\…')).toBe(false);
  });
});

describe('safeText and highlight', () => {
  it('escapes then fits, counting the escapes', () => {
    const out = safeText('*'.repeat(100), 50);
    expect(out.length).toBeLessThanOrEqual(50);
    expect(out.endsWith('…')).toBe(true);
  });

  it('bolds highlighted spans and escapes the rest', () => {
    expect(
      highlight(
        'NASA and *JAXA* signed',
        [
          { start: 0, end: 4 },
          { start: 16, end: 22 },
        ],
        100,
      ),
    ).toBe('**NASA** and \\*JAXA\\* **signed**');
  });

  it('truncates highlighted text without breaking bold markers', () => {
    const text = 'word '.repeat(100);
    const spans = Array.from({ length: 100 }, (_, i) => ({ start: i * 5, end: i * 5 + 4 }));
    const out = highlight(text, spans, 60);
    expect(out.length).toBeLessThanOrEqual(60);
    expect((out.match(/\*\*/g) ?? []).length % 2).toBe(0);
    expect(out.endsWith('…')).toBe(true);
  });

  it('tolerates spans out of range or overlapping', () => {
    expect(
      highlight(
        'abc',
        [
          { start: -5, end: 2 },
          { start: 1, end: 99 },
        ],
        100,
      ),
    ).toBe('**ab**c');
  });
});

describe('links', () => {
  it('accepts http(s) only and encodes parentheses', () => {
    expect(safeUrl('javascript:alert(1)')).toBeNull();
    expect(safeUrl('not a url')).toBeNull();
    expect(safeUrl('https://e.test/a_(b)')).toBe('https://e.test/a_%28b%29');
    expect(link('T [x]', 'https://e.test/')).toBe('[T \\[x\\]](https://e.test/)');
    expect(link('T', null)).toBe('T');
  });
});

describe('respond payloads', () => {
  it('always suppresses mentions and fits content', () => {
    const options = toMessageOptions({ content: 'x '.repeat(1500) });
    expect(options.allowedMentions).toEqual({ parse: [] });
    expect(options.content?.length).toBeLessThanOrEqual(2000);
  });

  it('fits every embed part and the 6000 total', () => {
    const embed = fitEmbed({
      title: 't'.repeat(300),
      description: 'd '.repeat(3000),
      footer: { text: 'f'.repeat(3000) },
      fields: Array.from({ length: 30 }, () => ({ name: 'n'.repeat(300), value: 'v '.repeat(700) })),
    });
    expect(embed.title?.length).toBeLessThanOrEqual(256);
    expect(embed.description?.length).toBeLessThanOrEqual(4096);
    expect(embed.footer?.text.length).toBeLessThanOrEqual(2048);
    expect(embed.fields?.length).toBeLessThanOrEqual(25);
    const total =
      (embed.title?.length ?? 0) +
      (embed.description?.length ?? 0) +
      (embed.footer?.text.length ?? 0) +
      (embed.fields ?? []).reduce((s, f) => s + f.name.length + f.value.length, 0);
    expect(total).toBeLessThanOrEqual(6000);
  });
});

describe('Cooldown', () => {
  it('allows N uses per window per user, then says when to retry', () => {
    const c = new Cooldown(2, 10);
    expect(c.take('a', 0).ok).toBe(true);
    expect(c.take('a', 1000).ok).toBe(true);
    expect(c.take('a', 2000)).toEqual({ ok: false, retryAfterMs: 8000 });
    expect(c.take('b', 2000).ok).toBe(true);
    expect(c.take('a', 10_001).ok).toBe(true);
  });
});

describe('joinWithin', () => {
  it('keeps whole lines only, saying how many were left out', () => {
    const items = Array.from({ length: 50 }, (_, i) => `line ${i} ${'x'.repeat(30)}`);
    const out = joinWithin('Head:', items, 200);
    expect(out.length).toBeLessThanOrEqual(200);
    const lines = out.split('\n');
    expect(lines[0]).toBe('Head:');
    expect(lines.at(-1)).toBe(`…and ${50 - (lines.length - 2)} more.`);
    expect(lines.slice(1, -1)).toEqual(items.slice(0, lines.length - 2));
    expect(joinWithin('Head:', ['a', 'b'], 200)).toBe('Head:\na\nb');
  });
});

describe('gapsReply', () => {
  it('fits hundreds of long gaps in one embed, most frequent first', () => {
    const gaps = Array.from({ length: 300 }, (_, i) => ({
      example: `**why** ${'question '.repeat(40)}${i}`,
      count: 300 - i,
      abstained: 300 - i,
      disliked: 0,
      lastAt: '2026-11-20T10:00:00.000Z',
    }));
    const embed = gapsReply(messages('en'), gaps, 30, true, 'v1').embeds?.[0];
    expect(embed?.description?.length).toBeLessThanOrEqual(4096);
    expect(embed?.description).toMatch(/^45,150 questions the corpus did not answer/);
    expect(embed?.description?.split('\n')[1]).toMatch(/^1\. \*\*300×\*\* “\\\*\\\*why\\\*\\\* question/);
    expect(embed?.description).toMatch(/\n\*…and \d+ more groups\.\*$/);
  });
});
