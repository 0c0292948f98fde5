// `@handle` mentions in a markdown comment. A handle is a user's name without spaces or the local
// part of their email, compared case-insensitively; mentions inside code are not mentions.
const CODE = /```[\s\S]*?(?:```|$)|`[^`\n]*`/g;
// Not preceded by a word character, so an email address (ada@example.com) mentions nobody.
const MENTION = /(?<![\p{L}\p{N}_.+@-])@([\p{L}\p{N}_.+'-]+)/gu;
const MAX_MENTIONS = 50;

/** The distinct lower-cased handles mentioned in `body`, in order of first appearance. */
export function parseMentions(body: string): string[] {
  const text = body.replace(CODE, " ");
  const handles = new Set<string>();
  for (const m of text.matchAll(MENTION)) {
    // Sentence punctuation after a handle ("thanks @ada.") is not part of it.
    const handle = m[1]!.replace(/[.'-]+$/u, "").toLowerCase();
    if (handle) handles.add(handle);
    if (handles.size >= MAX_MENTIONS) break;
  }
  return [...handles];
}

/** The handle a user answers to by name: the name without whitespace, lower-cased. */
export function nameHandle(name: string): string {
  return name.replace(/\s+/gu, "").toLowerCase();
}
