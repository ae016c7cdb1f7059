/** The `source` of every event Convene puts on its bus, one per bounded context. */
export const Sources = {
  conferences: 'convene.conferences',
  registrations: 'convene.registrations',
  messaging: 'convene.messaging',
  social: 'convene.social',
  surveys: 'convene.surveys',
} as const;
