import type { Campaign } from '../../shared/domain/campaigns/campaign';

/** A campaign as stored, sending to 10 with nothing settled yet; overrides change any field. */
export const campaignFixture = (overrides: Partial<Campaign> = {}): Campaign => ({
  campaignId: 'cmp_1',
  eventId: 'evt_1',
  status: 'sending',
  audience: { status: ['confirmed'] },
  subject: 'News',
  startAt: '2027-03-01T09:00:00.000Z',
  createdAt: '2027-03-01T09:00:00.000Z',
  recipients: 10,
  sent: 0,
  suppressed: 0,
  failed: 0,
  skipped: 0,
  ...overrides,
});
