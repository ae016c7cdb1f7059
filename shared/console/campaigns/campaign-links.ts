import { consoleUrls } from '../console-navigation';

const campaign = (eventId: string, campaignId: string) =>
  `${consoleUrls.section(eventId, 'campaigns')}/${encodeURIComponent(campaignId)}`;

/** The addresses of an event's campaign pages (campaigns-routes.ts), built in one place. */
export const campaignLinks = {
  list: (eventId: string) => consoleUrls.section(eventId, 'campaigns'),
  compose: (eventId: string) => `${consoleUrls.section(eventId, 'campaigns')}/new`,
  count: (eventId: string) => `${consoleUrls.section(eventId, 'campaigns')}/count`,
  preview: (eventId: string) => `${consoleUrls.section(eventId, 'campaigns')}/preview`,
  create: (eventId: string) => consoleUrls.section(eventId, 'campaigns'),
  detail: campaign,
  progress: (eventId: string, campaignId: string) => `${campaign(eventId, campaignId)}/progress`,
  cancel: (eventId: string, campaignId: string) => `${campaign(eventId, campaignId)}/cancel`,
};
