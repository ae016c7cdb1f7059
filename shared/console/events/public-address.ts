import { EnvNames, requireEnv } from '../../config/env';

const publicUrl = requireEnv(EnvNames.publicUrl).replace(/\/+$/, '');

/** The event page's address for organisers to share: the one every mail links, `{PUBLIC_URL}/events/{id}`. */
export const eventPageAddress = (eventId: string): string =>
  `${publicUrl}/events/${encodeURIComponent(eventId)}`;
