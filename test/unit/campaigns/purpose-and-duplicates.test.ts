import { describe, expect, it } from '@jest/globals';
import { AudienceCollector, type AudienceCandidate } from '../../../shared/domain/campaigns/audience';
import {
  contentFingerprint,
  idempotencyKeyProblems,
  requestFingerprint,
} from '../../../shared/domain/campaigns/duplicates';

const reg = (id: string, updates: boolean, email = `${id}@school.example.org`): AudienceCandidate => ({
  registrationId: id,
  status: 'confirmed',
  sessions: {},
  requestedAt: `2027-01-01T00:00:0${id.length}.000Z`,
  delegate: { name: id, email, consent: { updates } },
});

describe('campaign purpose', () => {
  it('an event campaign reaches the whole audience; a news campaign only those who consented', () => {
    const yes = reg('yes', true);
    const no = reg('no', false);
    const event = new AudienceCollector({ status: ['confirmed'] }, 'event');
    const news = new AudienceCollector({ status: ['confirmed'] }, 'news');
    event.add([yes, no]);
    news.add([yes, no]);

    expect(event.recipients().map((r) => r.registrationId)).toEqual(['no', 'yes']);
    expect(event.noConsent()).toBe(0);
    expect(news.recipients().map((r) => r.registrationId)).toEqual(['yes']);
    expect(news.noConsent()).toBe(1);
  });
});

describe('duplicate campaigns', () => {
  const request = {
    subject: 'Travel',
    text: 'Trains are off',
    audience: { status: ['confirmed', 'waitlisted'] as ('confirmed' | 'waitlisted')[] },
  };

  it('the same content to the same audience has one fingerprint, whatever the order of statuses', () => {
    const reordered = {
      ...request,
      audience: { status: ['waitlisted', 'confirmed'] as typeof request.audience.status },
    };
    expect(contentFingerprint(reordered)).toBe(contentFingerprint(request));
    expect(contentFingerprint({ ...request, purpose: 'event' })).toBe(contentFingerprint(request));
    expect(contentFingerprint({ ...request, purpose: 'news' })).not.toBe(contentFingerprint(request));
    expect(contentFingerprint({ ...request, html: '<p>x</p>' })).toBe(contentFingerprint(request));
    expect(requestFingerprint({ ...request, html: '<p>x</p>' })).not.toBe(requestFingerprint(request));
  });

  it('takes Idempotency-Keys of printable ASCII up to 255 characters', () => {
    expect(idempotencyKeyProblems(undefined)).toEqual([]);
    expect(idempotencyKeyProblems('9f1c2d3e-4b5a-6789-abcd-ef0123456789')).toEqual([]);
    expect(idempotencyKeyProblems('has space')).toHaveLength(1);
    expect(idempotencyKeyProblems('x'.repeat(256))).toHaveLength(1);
  });
});
