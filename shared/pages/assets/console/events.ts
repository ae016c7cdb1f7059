/**
 * The console's events forms (sessions, reminders, survey questions): a list marked
 * `data-add-another="<button text>"` shows one blank row at a time, and the button shows the next one,
 * focused. Without JavaScript every blank row is shown, and blank rows are not saved.
 */
const addAnother = (document: Document, list: HTMLElement): void => {
  const blank = Array.from(list.querySelectorAll<HTMLElement>('[data-blank-row]'));
  const waiting = blank.slice(1);
  if (waiting.length === 0) return;
  for (const row of waiting) row.hidden = true;
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'govuk-button govuk-button--secondary';
  button.textContent = list.dataset.addAnother ?? 'Add another';
  button.addEventListener('click', () => {
    const next = waiting.shift();
    if (!next) return;
    next.hidden = false;
    next.querySelector<HTMLElement>('input:not([type=hidden]), select, textarea')?.focus();
    if (waiting.length === 0) button.remove();
  });
  list.append(button);
};

export const enhanceEvents = (document: Document): void => {
  for (const list of Array.from(document.querySelectorAll<HTMLElement>('[data-add-another]')))
    addAnother(document, list);
};
