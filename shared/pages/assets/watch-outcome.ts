/**
 * While a registration is being decided, its page asks for the public status every two seconds and reloads
 * once it is decided, so a delegate sees the outcome without pressing Refresh (which still works without JS).
 * The element names the status URL: `<div data-watch-outcome="/registrations/{id}">`.
 */
export const watchOutcome = (page: Document): void => {
  const holder = page.querySelector<HTMLElement>('[data-watch-outcome]');
  const url = holder?.dataset.watchOutcome;
  if (!url) return;
  let tries = 0;
  const ask = async (): Promise<void> => {
    tries += 1;
    try {
      const answer = await fetch(url, { headers: { accept: 'application/json' } });
      const body = (await answer.json()) as { status?: string };
      if (answer.ok && body.status && body.status !== 'pending') {
        page.location.reload();
        return;
      }
    } catch {
      // A dropped connection on a phone: ask again on the next turn.
    }
    if (tries < 30) setTimeout(() => void ask(), 2000);
  };
  setTimeout(() => void ask(), 1000);
};
