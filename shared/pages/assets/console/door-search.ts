/**
 * How the registration desk's search matches a delegate, in one module for both sides: the browser
 * filters the page's list as the organiser types, and without JavaScript the server filters the same
 * list for `?q=` by the same rule. No DOM and no Node here.
 */

/** Text as the search compares it: lower case, accents and apostrophes dropped, words split at anything else. */
export const searchWords = (text: string): string[] =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f'’]/g, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '');

/**
 * Whether a delegate (the words of their name and school) matches what was typed: every word typed
 * begins one of their words, so "ada love" and "hill" both find Ada Lovelace of Hilltop Primary. An
 * empty search matches nobody: the desk types before the list shows.
 */
export const matchesSearch = (delegateWords: readonly string[], typed: string): boolean => {
  const wanted = searchWords(typed);
  return wanted.length > 0 && wanted.every((part) => delegateWords.some((word) => word.startsWith(part)));
};

/** What the page says under the search box, the same with and without JavaScript. */
export const foundWords = (found: number, typed: string): string => {
  if (searchWords(typed).length === 0) return '';
  if (found === 0) return `No delegates found for ‘${typed.trim()}’`;
  return found === 1 ? '1 delegate found' : `${found} delegates found`;
};
