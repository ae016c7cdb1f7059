import { partCount } from './part-count';

/** How long typing must pause before a screen reader hears the count, as GOV.UK's character count waits. */
const ANNOUNCE_AFTER_MS = 1000;

const textareaOf = (group: HTMLElement): HTMLTextAreaElement | null => group.querySelector('textarea');

/**
 * A live count under a part, as GOV.UK's character count shows one but counting as X does: a visible
 * line that changes as the person types (hidden from screen readers) and a polite live region that
 * speaks once typing pauses. The server's "You can enter up to ..." stays as the box's description.
 */
const addCount = (group: HTMLElement, max: number): void => {
  const textarea = textareaOf(group);
  const info = group.querySelector<HTMLElement>('.govuk-character-count__message');
  if (!textarea || !info) return;
  const visible = document.createElement('div');
  visible.className = 'govuk-hint govuk-character-count__message govuk-character-count__status';
  visible.setAttribute('aria-hidden', 'true');
  const spoken = document.createElement('div');
  spoken.className = 'govuk-character-count__sr-status govuk-visually-hidden';
  spoken.setAttribute('aria-live', 'polite');
  info.after(visible, spoken);
  info.classList.add('govuk-visually-hidden');
  // A part the server refused keeps its red border whatever the count says.
  const refused = group.querySelector('.govuk-error-message') !== null;
  let timer: number | undefined;
  const show = (): void => {
    const { message, over } = partCount(textarea.value, max);
    visible.textContent = message;
    visible.classList.toggle('govuk-error-message', over);
    visible.classList.toggle('govuk-hint', !over);
    if (!refused) textarea.classList.toggle('govuk-textarea--error', over);
  };
  const speak = (): void => {
    spoken.textContent = partCount(textarea.value, max).message;
  };
  textarea.addEventListener('input', () => {
    show();
    window.clearTimeout(timer);
    timer = window.setTimeout(speak, ANNOUNCE_AFTER_MS);
  });
  show();
  speak();
};

/** Shows the details of the chosen "When should it go?" answer only (both show without JavaScript). */
const showChosenWhen = (form: HTMLFormElement): void => {
  const radios = Array.from(form.querySelectorAll<HTMLInputElement>('input[type="radio"][name="when"]'));
  const panels = Array.from(form.querySelectorAll<HTMLElement>('[data-post-when]'));
  const sync = (): void => {
    const chosen = radios.find((r) => r.checked)?.value;
    for (const panel of panels) panel.hidden = panel.dataset.postWhen !== chosen;
  };
  for (const radio of radios) radio.addEventListener('change', sync);
  sync();
};

/**
 * The compose and edit form of a post (`data-post-form`): a live weighted count under every part,
 * "Add another part" and "Remove part N" instead of the blank boxes the page shows without JavaScript,
 * and only the chosen time's details.
 */
export const enhancePosts = (page: Document): void => {
  const form = page.querySelector<HTMLFormElement>('[data-post-form]');
  const holder = form?.querySelector<HTMLElement>('[data-post-parts]');
  if (!form || !holder) return;
  showChosenWhen(form);
  const max = Number(form.dataset.maxLength);
  const maxParts = Number(form.dataset.maxParts);
  const groups = (): HTMLElement[] => Array.from(holder.querySelectorAll<HTMLElement>('[data-post-part]'));

  // A blank part after the last one written goes; "Add another part" brings one when it is wanted.
  for (const group of groups().slice(1).reverse()) {
    if ((textareaOf(group)?.value ?? '').trim() !== '' || group.querySelector('.govuk-error-message')) break;
    group.remove();
  }
  const first = groups()[0];
  if (!first) return;
  const blank = first.cloneNode(true) as HTMLElement;
  blank.classList.remove('govuk-form-group--error');
  blank.querySelector('.govuk-error-message')?.remove();
  const blankText = textareaOf(blank);
  if (blankText) {
    blankText.value = '';
    blankText.textContent = '';
    blankText.classList.remove('govuk-textarea--error');
  }

  const add = document.createElement('button');
  add.type = 'button';
  add.className = 'govuk-button govuk-button--secondary';
  add.textContent = 'Add another part';
  holder.after(add);

  /** Labels, ids and buttons follow each part's place, so "Part 3" is always the third. */
  const renumber = (): void => {
    groups().forEach((group, i) => {
      const n = i + 1;
      const rename = (value: string) => value.replace(/part-\d+/g, `part-${n}`);
      group.querySelectorAll<HTMLElement>('[id^="part-"]').forEach((el) => (el.id = rename(el.id)));
      const textarea = textareaOf(group);
      const describedBy = textarea?.getAttribute('aria-describedby');
      if (describedBy) textarea?.setAttribute('aria-describedby', rename(describedBy));
      const label = group.querySelector('label');
      if (label) {
        label.htmlFor = `part-${n}`;
        label.textContent = `Part ${n}`;
      }
      const remove = group.querySelector<HTMLButtonElement>('[data-remove-part]');
      if (remove) remove.textContent = `Remove part ${n}`;
    });
    add.hidden = groups().length >= maxParts;
  };

  const addRemove = (group: HTMLElement): void => {
    const remove = document.createElement('button');
    remove.type = 'button';
    remove.className = 'govuk-button govuk-button--secondary app-post-part__remove';
    remove.dataset.removePart = '';
    remove.addEventListener('click', () => {
      const before = groups()[groups().indexOf(group) - 1];
      group.remove();
      renumber();
      textareaOf(before ?? first)?.focus();
    });
    group.append(remove);
  };

  add.addEventListener('click', () => {
    const group = blank.cloneNode(true) as HTMLElement;
    holder.append(group);
    addCount(group, max);
    addRemove(group);
    renumber();
    textareaOf(group)?.focus();
  });

  groups().forEach((group, i) => {
    addCount(group, max);
    if (i > 0) addRemove(group);
  });
  renumber();
};
