/** The addresses of a booking's pages, relative to the site: the manage link's token rides along. */
export const bookingLinks = (registrationId: string, token: string) => {
  const base = `/registrations/${encodeURIComponent(registrationId)}`;
  const withToken = `?token=${encodeURIComponent(token)}`;
  return {
    manage: `${base}${withToken}`,
    change: `${base}${withToken}&step=change`,
    cancel: `${base}${withToken}&step=cancel`,
    calendar: `${base}/calendar.ics${withToken}`,
    /** Where a form post sends the browser once it is accepted (POST/redirect/GET). */
    done: (what: 'sessions' | 'cancelled', since: number) =>
      `${base}${withToken}&done=${what}&since=${since}`,
    changePost: `${base}/sessions`,
    cancelPost: `${base}/cancel`,
    status: base,
  };
};

export const eventPage = (eventId: string): string => `/events/${encodeURIComponent(eventId)}`;
export const resendPost = (eventId: string): string => `${eventPage(eventId)}/registrations/resend`;
