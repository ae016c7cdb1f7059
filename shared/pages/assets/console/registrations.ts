import { foldForSearch } from '../../../domain/registration/registration-search';

/** How long typing pauses before the count is announced, so a screen reader is not talked over. */
const ANNOUNCE_AFTER_MS = 500;

/**
 * The registrations table (its search form marked `data-registrations-search`) narrows as the organiser
 * types, by the rule the server applies to `?q=` (every word found in the name, email or school). Without
 * JavaScript, or for the filters, the form is sent as a GET.
 */
const filterAsYouType = (document: Document, form: HTMLFormElement): void => {
  const input = form.querySelector<HTMLInputElement>('input[name="q"]');
  const count = document.querySelector<HTMLElement>('[data-registrations-count]');
  const rows = Array.from(document.querySelectorAll<HTMLTableRowElement>('tr[data-search]'));
  if (!input || !count || rows.length === 0) return;
  const total = count.dataset.total ?? String(rows.length);
  const unfiltered = count.textContent ?? '';
  let announce: number | undefined;
  input.addEventListener('input', () => {
    const words = foldForSearch(input.value).split(/\s+/).filter(Boolean);
    let shown = 0;
    for (const row of rows) {
      const text = row.dataset.search ?? '';
      row.hidden = !words.every((word) => text.includes(word));
      if (!row.hidden) shown += 1;
    }
    window.clearTimeout(announce);
    announce = window.setTimeout(() => {
      count.textContent = words.length === 0 ? unfiltered : `${shown} of ${total} registrations match.`;
    }, ANNOUNCE_AFTER_MS);
  });
};

const pause = (ms: number) => new Promise((resolve) => window.setTimeout(resolve, ms));

/**
 * After a change made on the bus (a move, a cancellation) that had not shown when the page was sent
 * (`data-awaiting-change`), the page asks for itself again every two seconds and shows the change once
 * the registration's version has grown. Without JavaScript the banner says to refresh.
 */
const showChangeOnceMade = async (document: Document, holder: HTMLElement): Promise<void> => {
  const since = Number(holder.dataset.version);
  const url = new URL(document.location.href);
  url.searchParams.delete('pending');
  for (let tries = 0; tries < 15; tries += 1) {
    await pause(2000);
    try {
      const answer = await fetch(url, { headers: { accept: 'text/html' } });
      const page = new DOMParser().parseFromString(await answer.text(), 'text/html');
      const version = Number(
        page.querySelector<HTMLElement>('[data-registration-version]')?.dataset.registrationVersion,
      );
      if (answer.ok && version > since) {
        document.location.replace(url.toString());
        return;
      }
    } catch {
      // A dropped connection: ask again on the next turn.
    }
  }
};

/** The console's registrations pages: small enhancements, each page still working without them. */
export const enhanceRegistrations = (document: Document): void => {
  const search = document.querySelector<HTMLFormElement>('[data-registrations-search]');
  if (search) filterAsYouType(document, search);
  const awaiting = document.querySelector<HTMLElement>('[data-awaiting-change]');
  if (awaiting) void showChangeOnceMade(document, awaiting);
};
