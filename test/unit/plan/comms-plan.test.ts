import { describe, expect, it } from '@jest/globals';
import type { CampaignProgress } from '../../../shared/domain/campaigns/campaign';
import {
  commsPlan,
  mailKeysToCount,
  postTitle,
  type PlanEvent,
  type PlanSources,
} from '../../../shared/domain/plan/comms-plan';
import { itemDetail, stateLabel } from '../../../shared/domain/plan/plan-words';
import type { SocialPost } from '../../../shared/domain/social/post';

const EVENT_ID = 'evt_01jq8m3k2v7c9d0e1f2g3h4j5k';

/** Thursday 1 April 2027, 09:00 to 16:30 London (BST: 08:00Z to 15:30Z). */
const anEvent = (overrides: Partial<PlanEvent> = {}): PlanEvent => ({
  eventId: EVENT_ID,
  status: 'published',
  timezone: 'Europe/London',
  startsAt: '2027-04-01T08:00:00.000Z',
  endsAt: '2027-04-01T15:30:00.000Z',
  reminders: [
    { daysBefore: 7, at: '09:00', subject: 'One week to go' },
    { daysBefore: 1, at: '09:00' },
  ],
  survey: {
    daysAfter: 1,
    at: '09:00',
    reminder: { daysAfter: 3, at: '12:00' },
    questions: [{ id: 'overall', kind: 'rating', prompt: 'Overall?' }],
  },
  ...overrides,
});

const aCampaign = (overrides: Partial<CampaignProgress> = {}): CampaignProgress => ({
  campaignId: 'cmp_1',
  eventId: EVENT_ID,
  status: 'scheduled',
  subject: 'Parking at the Civic Hall',
  audience: { status: ['confirmed'] },
  purpose: 'event',
  createdAt: '2027-03-01T10:00:00.000Z',
  recipients: 40,
  sent: 0,
  suppressed: 0,
  failed: 0,
  cancelled: 0,
  pending: 40,
  sendAt: '2027-03-30T16:00:00.000Z',
  startedAt: null,
  cancelledAt: null,
  ...overrides,
});

const aPost = (overrides: Partial<SocialPost> = {}): SocialPost => ({
  postId: 'post_1',
  eventId: EVENT_ID,
  parts: ['Doors open at 9. See you there!'],
  weightedLengths: [31],
  status: 'scheduled',
  publishAt: '2027-04-01T07:30:00.000Z',
  offset: { from: 'start', minutes: -30 },
  tweetIds: [],
  createdAt: '2027-03-01T10:00:00.000Z',
  updatedAt: '2027-03-01T10:00:00.000Z',
  version: 1,
  ...overrides,
});

/** Before anything is due: 1 March 2027. */
const MARCH_1 = new Date('2027-03-01T12:00:00Z');

const sources = (overrides: Partial<PlanSources> = {}): PlanSources => ({
  event: anEvent(),
  now: MARCH_1,
  recorded: {},
  reached: {},
  campaigns: [],
  posts: [],
  ...overrides,
});

const summary = (s: PlanSources) => commsPlan(s).map((i) => [i.at, i.kind, i.title, i.state]);

describe('the comms plan of an event', () => {
  it('puts reminders, campaigns, the survey mails and posts on one list, soonest first', () => {
    const plan = commsPlan(
      sources({
        campaigns: [aCampaign()],
        posts: [
          aPost(),
          aPost({ postId: 'post_2', parts: ['Thank you all'], publishAt: '2027-04-01T16:00:00.000Z' }),
        ],
      }),
    );

    expect(plan.map((i) => [i.at, i.kind, i.title, i.state])).toEqual([
      ['2027-03-25T09:00:00.000Z', 'reminder', 'One week to go', 'scheduled'],
      ['2027-03-30T16:00:00.000Z', 'campaign', 'Parking at the Civic Hall', 'scheduled'],
      ['2027-03-31T08:00:00.000Z', 'reminder', 'Reminder 1 day before', 'scheduled'],
      ['2027-04-01T07:30:00.000Z', 'post', 'Doors open at 9. See you there!', 'scheduled'],
      ['2027-04-01T16:00:00.000Z', 'post', 'Thank you all', 'scheduled'],
      [
        '2027-04-02T08:00:00.000Z',
        'survey-invitation',
        'Survey invitation to delegates who came',
        'scheduled',
      ],
      [
        '2027-04-04T11:00:00.000Z',
        'survey-reminder',
        'Survey reminder to those who have not answered',
        'scheduled',
      ],
    ]);
  });

  it('gives each item an id that a move or an edit keeps, and the page that edits it', () => {
    const before = commsPlan(sources({ campaigns: [aCampaign()], posts: [aPost()] }));
    const moved = commsPlan(
      sources({
        event: anEvent({ startsAt: '2027-04-08T08:00:00.000Z', endsAt: '2027-04-08T15:30:00.000Z' }),
        campaigns: [aCampaign({ subject: 'Parking, updated' })],
        posts: [aPost({ publishAt: '2027-04-08T07:30:00.000Z', parts: ['Doors open at 9!'] })],
      }),
    );

    expect(moved.map((i) => i.itemId).sort()).toEqual(before.map((i) => i.itemId).sort());
    expect(Object.fromEntries(before.map((i) => [i.itemId, i.edit]))).toEqual({
      'reminder-7d-0900': { part: 'reminders' },
      'reminder-1d-0900': { part: 'reminders' },
      'campaign-cmp_1': { part: 'campaign', campaignId: 'cmp_1' },
      'post-post_1': { part: 'post', postId: 'post_1' },
      'survey-invitation': { part: 'survey' },
      'survey-reminder': { part: 'survey' },
    });
  });

  it('orders items at the same instant by kind (the plan’s mail, campaigns, posts), then by id', () => {
    const at = '2027-03-25T09:00:00.000Z';
    const plan = commsPlan(
      sources({
        campaigns: [
          aCampaign({ campaignId: 'cmp_b', sendAt: at }),
          aCampaign({ campaignId: 'cmp_a', sendAt: at }),
        ],
        posts: [aPost({ publishAt: at })],
      }),
    );
    expect(plan.filter((i) => i.at === at).map((i) => i.itemId)).toEqual([
      'reminder-7d-0900',
      'campaign-cmp_a',
      'campaign-cmp_b',
      'post-post_1',
    ]);
  });

  describe('reminder and survey mails', () => {
    /** After the 7-day and 1-day reminders, before the survey: the day of the event, at noon. */
    const ON_THE_DAY = new Date('2027-04-01T11:00:00Z');

    it('are sent once the ledger shows them reaching delegates, with how many', () => {
      const event = anEvent();
      const keys = mailKeysToCount(event, ON_THE_DAY);
      expect(keys).toEqual([
        `reminder:${EVENT_ID}:7d@09:00:2027-03-25T09:00:00.000Z`,
        `reminder:${EVENT_ID}:1d@09:00:2027-03-31T08:00:00.000Z`,
      ]);

      const plan = commsPlan(sources({ now: ON_THE_DAY, reached: { [keys[0]!]: 12, [keys[1]!]: 11 } }));

      expect(plan.slice(0, 2).map((i) => [i.state, i.sentTo])).toEqual([
        ['sent', 12],
        ['sent', 11],
      ]);
      expect(itemDetail(plan[0]!)).toBe('Sent to 12 delegates.');
    });

    it('are sent to nobody when their schedule fired with no one to send to', () => {
      const plan = commsPlan(
        sources({
          now: ON_THE_DAY,
          recorded: { [`rem-${EVENT_ID}-7d-0900`]: '2027-03-25T09:00:00.000Z' },
        }),
      );
      expect(plan[0]).toMatchObject({ state: 'sent', sentTo: 0 });
    });

    it('were skipped when their time had passed before they were scheduled, never sent late', () => {
      // Published on 28 March: the 7-day reminder's time had gone; its schedule was never recorded.
      const plan = commsPlan(
        sources({
          now: ON_THE_DAY,
          recorded: {
            [`rem-${EVENT_ID}-7d-0900`]: '2027-03-24T09:00:00.000Z',
            [`rem-${EVENT_ID}-1d-0900`]: '2027-03-31T08:00:00.000Z',
          },
        }),
      );
      expect(plan.slice(0, 2).map((i) => i.state)).toEqual(['skipped', 'sent']);
      expect(stateLabel(plan[0]!)).toBe('Not sent');
    });

    it('wait for publishing in a draft, and will not go once the event is cancelled', () => {
      expect(
        new Set(commsPlan(sources({ event: anEvent({ status: 'draft' }) })).map((i) => i.state)),
      ).toEqual(new Set(['draft']));
      const cancelled = commsPlan(
        sources({
          event: anEvent({ status: 'cancelled' }),
          now: ON_THE_DAY,
          reached: { [`reminder:${EVENT_ID}:7d@09:00:2027-03-25T09:00:00.000Z`]: 12 },
        }),
      );
      expect(cancelled.map((i) => [i.itemId, i.state])).toEqual([
        ['reminder-7d-0900', 'sent'],
        ['reminder-1d-0900', 'cancelled'],
        ['survey-invitation', 'cancelled'],
        ['survey-reminder', 'cancelled'],
      ]);
    });

    it('has no survey mails for an event without a survey, and names reminders by their day', () => {
      const { survey: _none, ...withoutSurvey } = anEvent();
      const plan = commsPlan(
        sources({
          event: {
            ...withoutSurvey,
            reminders: [
              { daysBefore: 0, at: '07:00' },
              { daysBefore: 2, at: '09:00', subject: '  ' },
            ],
          },
        }),
      );
      expect(plan.map((i) => i.title)).toEqual(['Reminder 2 days before', 'Reminder on the day']);
    });
  });

  describe('campaigns', () => {
    it('go at their send time; a campaign sent at once goes when it started', () => {
      const plan = commsPlan(
        sources({
          campaigns: [
            aCampaign({
              campaignId: 'cmp_now',
              status: 'sent',
              sendAt: null,
              createdAt: '2027-02-20T10:00:00.000Z',
              startedAt: '2027-02-20T10:00:01.000Z',
              sent: 38,
              suppressed: 2,
              pending: 0,
            }),
          ],
        }),
      );
      expect(plan[0]).toMatchObject({ at: '2027-02-20T10:00:01.000Z', state: 'sent', sentTo: 38 });
      expect(plan[0]).not.toHaveProperty('failed');
    });

    it('show sending with counts so far, failures, and failed when none got through', () => {
      const plan = commsPlan(
        sources({
          campaigns: [
            aCampaign({ campaignId: 'cmp_a', status: 'sending', sent: 10, failed: 2, pending: 28 }),
            aCampaign({ campaignId: 'cmp_b', status: 'sent', recipients: 3, failed: 3, pending: 0 }),
            aCampaign({ campaignId: 'cmp_c', status: 'cancelled', sendAt: '2027-03-31T10:00:00.000Z' }),
          ],
        }),
      );
      const byId = Object.fromEntries(plan.map((i) => [i.itemId, i]));
      expect(byId['campaign-cmp_a']).toMatchObject({ state: 'sending', sentTo: 10, failed: 2 });
      expect(itemDetail(byId['campaign-cmp_a']!)).toBe('Sent to 10 delegates so far. 2 failed.');
      expect(byId['campaign-cmp_b']).toMatchObject({ state: 'failed', failed: 3 });
      expect(byId['campaign-cmp_c']).toMatchObject({ state: 'cancelled' });
    });
  });

  describe('posts to X', () => {
    it('are posted at the time they went, failed with what X said, or cancelled', () => {
      const plan = commsPlan(
        sources({
          event: { ...anEvent(), reminders: [], survey: undefined },
          posts: [
            aPost({ status: 'published', tweetIds: ['1'], publishedAt: '2027-04-01T07:30:02.000Z' }),
            aPost({ postId: 'post_2', status: 'failed', error: 'Duplicate content' }),
            aPost({ postId: 'post_3', status: 'cancelled' }),
            aPost({ postId: 'post_4', parts: ['One', 'Two', 'Three'], tweetIds: ['9'] }),
          ],
        }),
      );
      expect(plan.map((i) => [i.itemId, i.state, stateLabel(i)])).toEqual([
        ['post-post_2', 'failed', 'Failed'],
        ['post-post_3', 'cancelled', 'Cancelled'],
        ['post-post_4', 'sending', 'Posting'],
        ['post-post_1', 'sent', 'Posted'],
      ]);
      expect(itemDetail(plan[0]!)).toBe('X said: Duplicate content');
      expect(plan[2]?.title).toBe('One (thread of 3)');
    });

    it('are titled by their first part, cut at a word', () => {
      const long = `${'Join us for the opening keynote on school-led improvement '.repeat(3)}today`;
      const title = postTitle([long]);
      expect(title.endsWith('…')).toBe(true);
      expect(title.length).toBeLessThanOrEqual(81);
      expect(long.startsWith(title.slice(0, -1))).toBe(true);
      expect(postTitle(['Line one\nline two'])).toBe('Line one line two');
    });
  });

  it('asks the ledger only about mail whose time has come', () => {
    expect(mailKeysToCount(anEvent(), MARCH_1)).toEqual([]);
    expect(summary(sources()).every(([, , , state]) => state === 'scheduled')).toBe(true);
  });
});
