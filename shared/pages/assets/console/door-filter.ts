import { foundWords, matchesSearch, searchWords } from './door-search';

/** How long typing pauses before the number found is announced, so a screen reader is not talked over. */
const ANNOUNCE_AFTER_MS = 500;

/**
 * Filters the check-in page's list as the organiser types, with the rule the server uses for `?q=`.
 * Enter in the search box goes to the first person found (Enter again checks them in), so the keyboard
 * path is: type, Enter, Enter.
 */
export const filterAsYouType = (document: Document, form: HTMLFormElement): void => {
  const input = form.querySelector<HTMLInputElement>('input[name="q"]');
  const found = document.querySelector<HTMLElement>('[data-door-found]');
  if (!input || !found) return;
  const people = Array.from(document.querySelectorAll<HTMLElement>('[data-door-person]')).map((item) => ({
    item,
    words: searchWords(
      `${item.querySelector('[data-door-name]')?.textContent ?? ''} ${item.querySelector('[data-door-school]')?.textContent ?? ''}`,
    ),
  }));
  let announce: number | undefined;

  const filter = (): void => {
    let shown = 0;
    for (const person of people) {
      person.item.hidden = !matchesSearch(person.words, input.value);
      if (!person.item.hidden) shown += 1;
    }
    window.clearTimeout(announce);
    announce = window.setTimeout(() => {
      found.textContent = foundWords(shown, input.value);
    }, ANNOUNCE_AFTER_MS);
  };

  input.addEventListener('input', filter);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    filter();
    const first = people.find((person) => !person.item.hidden);
    first?.item.querySelector<HTMLButtonElement>('button')?.focus();
  });
};
