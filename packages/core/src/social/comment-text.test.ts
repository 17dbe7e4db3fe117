import { describe, expect, it } from 'vitest';
import {
  cleanCommentText,
  MAX_COMMENT_CHARS,
  mentionedHandles,
  tokenizeComment,
} from './comment-text.js';

const clean = (raw: string) => {
  const r = cleanCommentText(raw);
  if (!r.ok) throw new Error(r.message);
  return r.text;
};

describe('cleanCommentText', () => {
  it('trims and drops control characters but keeps newlines', () => {
    expect(clean('  \u0000Nice\u0007 run!\r\nSee\tyou \u001b[31m\u202Etxt.exe  ')).toBe(
      'Nice run!\nSee you [31mtxt.exe',
    );
  });

  it('keeps two blank lines in a row at most', () => {
    expect(clean('a\n\n\nb')).toBe('a\n\n\nb');
    expect(clean('a\n\n \n\n\n  \nb')).toBe('a\n\n\nb');
    expect(clean('a \nb')).toBe('a\nb');
  });

  it('refuses a comment that is empty once cleaned', () => {
    expect(cleanCommentText(' \n\t\u0000 ')).toMatchObject({ ok: false, reason: 'empty' });
  });

  it('counts characters as code points, refusing one past the limit with its length', () => {
    expect(clean('🏃'.repeat(MAX_COMMENT_CHARS))).toHaveLength(MAX_COMMENT_CHARS * 2);
    const r = cleanCommentText('x'.repeat(MAX_COMMENT_CHARS + 1));
    expect(r).toMatchObject({ ok: false, reason: 'too_long', length: MAX_COMMENT_CHARS + 1 });
    expect(!r.ok && r.message).toMatch(/at most 1000 characters; this one has 1001/);
  });
});

describe('tokenizeComment', () => {
  it('splits text, links and mentions, and joins back to the comment', () => {
    const text = 'Great pace @ann_b! Route: https://example.com/r?id=1. cc @Ben.';
    const tokens = tokenizeComment(text);
    expect(tokens).toEqual([
      { kind: 'text', text: 'Great pace ' },
      { kind: 'mention', text: '@ann_b', handle: 'ann_b' },
      { kind: 'text', text: '! Route: ' },
      { kind: 'link', text: 'https://example.com/r?id=1', href: 'https://example.com/r?id=1' },
      { kind: 'text', text: '. cc ' },
      { kind: 'mention', text: '@Ben', handle: 'Ben' },
      { kind: 'text', text: '.' },
    ]);
    expect(tokens.map((t) => t.text).join('')).toBe(text);
  });

  it('links http and https only, never javascript: or data:', () => {
    for (const text of ['javascript:alert(1)', 'data:text/html,<b>x</b>', 'ftp://x.org/a']) {
      expect(tokenizeComment(text)).toEqual([{ kind: 'text', text }]);
    }
    expect(tokenizeComment('see http://')).toEqual([{ kind: 'text', text: 'see http://' }]);
  });

  it('keeps a closing bracket the link opened, not one around it', () => {
    expect(tokenizeComment('(https://en.wikipedia.org/wiki/Foo_(bar))')).toEqual([
      { kind: 'text', text: '(' },
      {
        kind: 'link',
        text: 'https://en.wikipedia.org/wiki/Foo_(bar)',
        href: 'https://en.wikipedia.org/wiki/Foo_(bar)',
      },
      { kind: 'text', text: ')' },
    ]);
  });

  it('takes no mention from an email address, a short handle or a link', () => {
    expect(tokenizeComment('mail ann@example.com or @ab')).toEqual([
      { kind: 'text', text: 'mail ann@example.com or @ab' },
    ]);
    expect(tokenizeComment('https://x.org/@ann')).toMatchObject([{ kind: 'link' }]);
  });

  it('lists each mentioned handle once, whatever its case', () => {
    expect(mentionedHandles('@Ann @ann (@ben) @cat-')).toEqual(['Ann', 'ben', 'cat']);
  });
});
