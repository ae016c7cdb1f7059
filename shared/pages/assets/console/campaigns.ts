/**
 * The console's campaigns pages: small enhancements, each page still working without them.
 * - Compose (`form[data-campaign-compose]` naming the count URL): as the audience or purpose changes, asks
 *   how many people it reaches and says so in the form's polite live region. Without it, Preview counts.
 * - Progress (`[data-campaign-progress]` naming the progress URL, `data-sending` while it sends): asks for
 *   the counts every two seconds and writes them in, then says once that sending has finished. Without
 *   it, the page's "Refresh" link does.
 */

/** The audience fields the count depends on, as the form names them. */
const AUDIENCE_FIELDS = ['status', 'sessionId', 'survey', 'purpose'];

const liveCount = (form: HTMLFormElement, url: string): void => {
  const region = form.querySelector<HTMLElement>('[data-campaign-count]');
  if (!region) return;
  let asked = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const ask = async (): Promise<void> => {
    const turn = (asked += 1);
    const data = new FormData(form);
    const query = new URLSearchParams({
      status: data.getAll('status').map(String).join(','),
      sessionId: String(data.get('sessionId') ?? ''),
      survey: String(data.get('survey') ?? ''),
      purpose: String(data.get('purpose') ?? ''),
    });
    try {
      const answer = await fetch(`${url}?${query}`, { headers: { accept: 'application/json' } });
      const body = (await answer.json()) as { sentence?: string };
      // Only the answer to the latest choice is said: an earlier one arriving late is dropped.
      if (answer.ok && body.sentence && turn === asked) region.textContent = body.sentence;
    } catch {
      // A dropped connection: the count stays as it was, and Preview still counts.
    }
  };
  form.addEventListener('change', (event) => {
    const name = (event.target as HTMLInputElement | null)?.name ?? '';
    if (!AUDIENCE_FIELDS.includes(name)) return;
    clearTimeout(timer);
    timer = setTimeout(() => void ask(), 250);
  });
  void ask();
};

interface ProgressView {
  readonly tag: { readonly text: string; readonly classes: string };
  readonly when: string;
  readonly counts: readonly { readonly key: string; readonly value: string }[];
  readonly sending: boolean;
  readonly cancellable: boolean;
  readonly finished?: string;
}

const EVERY_MS = 2000;
/** Half an hour of asking; after that the Refresh link is still there. */
const MAX_TRIES = 900;

const watchProgress = (holder: HTMLElement, url: string): void => {
  const page = holder.ownerDocument;
  const refresh = holder.querySelector<HTMLElement>('[data-progress-refresh]');
  if (refresh) refresh.textContent = 'These counts update by themselves while it sends.';
  const show = (view: ProgressView): void => {
    for (const count of view.counts) {
      const cell = holder.querySelector<HTMLElement>(`[data-progress-count="${count.key}"]`);
      if (cell) cell.textContent = count.value;
    }
    const tag = holder.querySelector<HTMLElement>('[data-progress-tag]');
    if (tag) {
      tag.textContent = view.tag.text;
      tag.className = `govuk-tag ${view.tag.classes}`;
    }
    const when = holder.querySelector<HTMLElement>('[data-progress-when]');
    if (when) when.textContent = view.when;
  };
  let tries = 0;
  const ask = async (): Promise<void> => {
    tries += 1;
    try {
      const answer = await fetch(url, { headers: { accept: 'application/json' } });
      if (answer.ok) {
        const view = (await answer.json()) as ProgressView;
        show(view);
        if (!view.sending) {
          const announce = holder.querySelector<HTMLElement>('[data-progress-announce]');
          if (announce && view.finished) announce.textContent = view.finished;
          if (refresh) refresh.hidden = true;
          const cancel = page.querySelector<HTMLElement>('[data-progress-cancel]');
          if (cancel && !view.cancellable) cancel.hidden = true;
          return;
        }
      }
    } catch {
      // A dropped connection on a phone: ask again on the next turn.
    }
    if (tries < MAX_TRIES) setTimeout(() => void ask(), EVERY_MS);
  };
  setTimeout(() => void ask(), EVERY_MS);
};

export const enhanceCampaigns = (page: Document): void => {
  const form = page.querySelector<HTMLFormElement>('form[data-campaign-compose]');
  const countUrl = form?.dataset.campaignCompose;
  if (form && countUrl) liveCount(form, countUrl);

  const holder = page.querySelector<HTMLElement>('[data-campaign-progress][data-sending]');
  const progressUrl = holder?.dataset.campaignProgress;
  if (holder && progressUrl) watchProgress(holder, progressUrl);
};
