import { describe, expect, it } from '@jest/globals';
import {
  FAN_OUT_GRACE_MS,
  START_GRACE_MS,
  startLost,
  startSweepWindow,
} from '../../../shared/domain/campaigns/start-sweep';

const now = new Date('2027-03-10T09:00:00.000Z');
const ago = (ms: number): string => new Date(now.getTime() - ms).toISOString();
const campaign = { campaignId: 'cmp_1', eventId: 'evt_1' };

describe('when a campaign has lost its start', () => {
  it('a due campaign not started within the grace has; one just due has not (its start may be under way)', () => {
    expect(startLost({ ...campaign, startAt: ago(START_GRACE_MS) }, now)).toBe(true);
    expect(startLost({ ...campaign, startAt: ago(START_GRACE_MS - 1) }, now)).toBe(false);
  });

  it('a started fan-out has lost its way only once the function that ran it has surely timed out', () => {
    const startAt = ago(FAN_OUT_GRACE_MS * 2);
    expect(startLost({ ...campaign, startAt, startedAt: ago(FAN_OUT_GRACE_MS) }, now)).toBe(true);
    expect(startLost({ ...campaign, startAt, startedAt: ago(FAN_OUT_GRACE_MS - 1) }, now)).toBe(false);
  });

  it('the sweeper looks back a day, up to the grace before now', () => {
    expect(startSweepWindow(now)).toEqual({
      from: '2027-03-09T09:00:00.000Z',
      to: ago(START_GRACE_MS),
    });
  });
});
