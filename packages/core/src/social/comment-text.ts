/**
 * Comment text: what is kept of what an athlete typed, and how it reads back as plain text,
 * links and @mentions. No markdown and no HTML: a client renders tokens as text nodes and
 * links, never as markup, so nothing in a comment can become code on another's screen.
 */

/** Characters one comment may have, counted as code points (an emoji is one). */
export const MAX_COMMENT_CHARS = 1000;

/** A handle as accounts allow it: 3–30 letters, digits, "_", "." or "-". */
const HANDLE = /^[A-Za-z0-9_.-]{3,30}$/;

/** One piece of a comment, in reading order. */
export type CommentToken =
  | { kind: 'text'; text: string }
  | { kind: 'link'; text: string; href: string }
  | { kind: 'mention'; text: string; handle: string };

export type CommentTextResult =
  | { ok: true; text: string }
  | { ok: false; reason: 'empty' | 'too_long'; message: string; length: number };

// C0 and C1 controls but the newline, and the bidirectional overrides and isolates, which
// can make a link read as another.
const CONTROLS = /(?!\n)[\p{Cc}\u202A-\u202E\u2066-\u2069]/gu;
// A run of three blank lines or more (four newlines, spaces between) becomes two.
const BLANK_RUN = /\n(?:[^\S\n]*\n){3,}/g;

/**
 * The text kept of a comment: line ends made `\n`, tabs made spaces, other control characters
 * removed, spaces ending each line and more than two blank lines in a row dropped, trimmed.
 * Refused when nothing is left or it is longer than MAX_COMMENT_CHARS.
 */
export function cleanCommentText(raw: string): CommentTextResult {
  const text = raw
    .replace(/\r\n?/g, '\n')
    .replace(/\t/g, ' ')
    .replace(CONTROLS, '')
    .replace(/[^\S\n]+\n/g, '\n')
    .replace(BLANK_RUN, '\n\n\n')
    .trim();
  const length = [...text].length;
  if (!length) return { ok: false, reason: 'empty', message: 'a comment needs some text', length };
  if (length > MAX_COMMENT_CHARS)
    return {
      ok: false,
      reason: 'too_long',
      message: `a comment has at most ${MAX_COMMENT_CHARS} characters; this one has ${length}`,
      length,
    };
  return { ok: true, text };
}

// A link starts at http:// or https:// not glued to a word; a mention at @ after a space,
// a bracket or the start (so an email address is neither).
const PIECES = /(?<![\w@/.-])(?:(https?:\/\/[^\s<>"'`]+)|@([A-Za-z0-9_.-]+))/gi;
// Punctuation that ends a sentence rather than a link or a handle.
const TRAILING = /[.,;:!?'")\]}]+$/;

/** Drops closing brackets a link does not open (a link in parentheses keeps its own). */
function trimLink(candidate: string): string {
  let link = candidate;
  for (;;) {
    const trailing = TRAILING.exec(link);
    if (!trailing) return link;
    let keep = link.length - trailing[0].length;
    // Keep a `)` that closes one opened inside the link (Wikipedia's "Foo_(bar)").
    while (keep < link.length && link[keep] === ')') {
      const opened = link.slice(0, keep).split('(').length - 1;
      const closed = link.slice(0, keep).split(')').length - 1;
      if (opened <= closed) break;
      keep++;
    }
    if (keep === link.length) return link;
    link = link.slice(0, keep);
  }
}

/** Whether `href` names a host after its scheme (core runs where `URL` may not exist). */
const isWebUrl = (href: string): boolean => /^https?:\/\/(?:[\p{L}\p{N}]|\[)/iu.test(href);

/**
 * The comment as plain text, links (http and https only) and @mentions, in order; joined,
 * the tokens' `text` is the comment. Whether a mention names an athlete is the server's to say.
 */
export function tokenizeComment(text: string): CommentToken[] {
  const tokens: CommentToken[] = [];
  let plain = '';
  let at = 0;
  const flush = () => {
    if (plain) tokens.push({ kind: 'text', text: plain });
    plain = '';
  };
  for (const m of text.matchAll(PIECES)) {
    const start = m.index;
    plain += text.slice(at, start);
    at = start;
    if (m[1] !== undefined) {
      const href = trimLink(m[1]);
      if (!isWebUrl(href)) continue;
      flush();
      tokens.push({ kind: 'link', text: href, href });
      at = start + href.length;
    } else {
      const handle = m[2]!.replace(/[.-]+$/, '');
      if (!HANDLE.test(handle)) continue;
      flush();
      tokens.push({ kind: 'mention', text: `@${handle}`, handle });
      at = start + 1 + handle.length;
    }
  }
  plain += text.slice(at);
  flush();
  return tokens;
}

/** The handles a comment mentions, each once (compared regardless of case), in order. */
export function mentionedHandles(text: string): string[] {
  const seen = new Map<string, string>();
  for (const t of tokenizeComment(text)) {
    if (t.kind === 'mention' && !seen.has(t.handle.toLowerCase()))
      seen.set(t.handle.toLowerCase(), t.handle);
  }
  return [...seen.values()];
}
