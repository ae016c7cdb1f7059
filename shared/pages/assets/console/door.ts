import { filterAsYouType } from './door-filter';
import { enhanceScanner } from './door-scanner';

/**
 * The check-in page (marked `data-door-search`): the list filtered as the organiser types, and the
 * scanner under the code box. Without JavaScript the search is a GET form and the code is typed.
 */
export const enhanceDoor = (document: Document): void => {
  const search = document.querySelector<HTMLFormElement>('[data-door-search]');
  if (!search) return;
  filterAsYouType(document, search);
  enhanceScanner(document);
};
