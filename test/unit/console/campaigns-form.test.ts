import { describe, expect, it } from '@jest/globals';
import { campaignRequest } from '../../../shared/api/campaign-schemas';
import {
  blankCampaignForm,
  campaignFormFields,
  campaignRequestOf,
  readCampaignValues,
  type CampaignFormValues,
} from '../../../shared/console/campaigns/campaign-form';
import { campaignFormErrors } from '../../../shared/console/campaigns/campaign-form-errors';
import { MAX_FORM_BYTES } from '../../../shared/console/form-limit';
import { CAMPAIGN_CONTENT_LIMITS } from '../../../shared/domain/campaigns/content-limits';

/** A form as the browser posts it: the fields by name, repeated ones (the statuses) each. */
const posted = (pairs: [string, string][]) => {
  const params = new URLSearchParams(pairs);
  return { fields: Object.fromEntries(params), all: (name: string) => params.getAll(name) };
};

const filled = (overrides: Partial<CampaignFormValues> = {}): CampaignFormValues => ({
  ...blankCampaignForm('key-1'),
  subject: 'Room change for {{name}}',
  text: 'Dear {{name}},\n\nWorkshop A has moved.',
  ...overrides,
});

describe('the compose form, sent', () => {
  it('fits the console’s form limit at every content limit, written in three-byte characters', () => {
    // Arrange: '€' is three bytes of UTF-8, nine as the browser percent-encodes it.
    const { subject, text, html } = CAMPAIGN_CONTENT_LIMITS;
    const body = new URLSearchParams({
      subject: '€'.repeat(subject),
      text: '€'.repeat(text),
      html: '€'.repeat(html),
    }).toString();

    // Act
    const parsed = campaignRequest.safeParse({
      subject: '€'.repeat(subject),
      text: '€'.repeat(text),
      html: '€'.repeat(html),
      audience: { status: ['confirmed'] },
    });

    // Assert: the schema takes it, so the form limit must too.
    expect(parsed.success).toBe(true);
    expect(Buffer.byteLength(body)).toBeGreaterThan(64 * 1024);
    expect(Buffer.byteLength(body)).toBeLessThanOrEqual(MAX_FORM_BYTES);
  });

  it('fits a full survey in three-byte characters too, and its page shown again under Lambda’s 6 MB', () => {
    // 50 questions, each a 500-character prompt and 20 options of 200 characters (event-schemas.ts).
    const fields = Array.from({ length: 50 }, (_, q) => [
      [`question-${q}-prompt`, '€'.repeat(500)],
      [`question-${q}-options`, Array.from({ length: 20 }, () => '€'.repeat(200)).join('\n')],
    ]).flat();
    const bytes = Buffer.byteLength(new URLSearchParams(fields).toString());

    expect(bytes).toBeLessThanOrEqual(MAX_FORM_BYTES);
    // As base64 in the request, and a form of quotes (3 bytes sent, 6 shown) in the answer.
    expect(Math.ceil(MAX_FORM_BYTES / 3) * 4).toBeLessThan(6 * 1024 * 1024);
    expect(MAX_FORM_BYTES * 2).toBeLessThan(6 * 1024 * 1024);
  });
});

describe('the compose form, read', () => {
  it('reads each field, every status ticked, and one kind of line break', () => {
    const values = readCampaignValues(
      posted([
        ['csrf', 'c'],
        ['idempotencyKey', 'key-1'],
        ['subject', 'Hello'],
        ['text', 'Line one\r\n\r\nLine two'],
        ['html', '<p>Hi</p>\r\n'],
        ['purpose', 'news'],
        ['status', 'confirmed'],
        ['status', 'attended'],
        ['sessionId', 'ws-a'],
        ['survey', 'no'],
      ]),
    );

    expect(values).toMatchObject({
      idempotencyKey: 'key-1',
      text: 'Line one\n\nLine two',
      html: '<p>Hi</p>\n',
      purpose: 'news',
      status: ['confirmed', 'attended'],
      sessionId: 'ws-a',
      survey: 'no',
    });
  });

  it('is the JSON route’s body: blank choices left out, the survey answer as a yes or no', () => {
    const { request, problems } = campaignRequestOf(filled({ sessionId: 'ws-b', survey: 'yes' }));

    expect(problems).toEqual([]);
    expect(request).toEqual({
      subject: 'Room change for {{name}}',
      text: 'Dear {{name}},\n\nWorkshop A has moved.',
      audience: { status: ['confirmed'], sessionId: 'ws-b', surveyResponded: true },
      purpose: 'event',
    });
    expect(campaignRequest.safeParse(request).success).toBe(true);
    expect(campaignRequestOf(filled({ survey: 'no' })).request.audience).toEqual({
      status: ['confirmed'],
      surveyResponded: false,
    });
    expect(campaignRequestOf(filled({ html: '<p>Hi</p>' })).request.html).toBe('<p>Hi</p>');
  });

  it('sends now when no part of the time is typed, and at the wall-clock time the parts make', () => {
    expect(campaignRequestOf(filled()).request.sendAt).toBeUndefined();

    const at = campaignRequestOf(
      filled({ sendAtDay: '4', sendAtMonth: '3', sendAtYear: '2027', sendAtTime: '9.30' }),
    );

    expect(at).toMatchObject({ request: { sendAt: '2027-03-04T09:30' }, problems: [] });
    expect(campaignRequest.safeParse(at.request).success).toBe(true);
  });

  it.each([
    ['a date without a time', { sendAtDay: '4', sendAtMonth: '3', sendAtYear: '2027' }],
    ['a time without a date', { sendAtTime: '09:00' }],
    ['a two-digit year', { sendAtDay: '4', sendAtMonth: '3', sendAtYear: '27', sendAtTime: '09:00' }],
    ['an hour past 23', { sendAtDay: '4', sendAtMonth: '3', sendAtYear: '2027', sendAtTime: '25:00' }],
    ['words', { sendAtDay: 'next', sendAtMonth: 'March', sendAtYear: '2027', sendAtTime: '09:00' }],
  ])('refuses %s as a time to send, rather than sending now', (_, parts) => {
    const { request, problems } = campaignRequestOf(filled(parts));

    expect(request.sendAt).toBeUndefined();
    expect(problems).toEqual([{ path: 'sendAt', message: 'Enter the date and the time to send it' }]);
  });

  it('carries every value through the preview’s hidden fields unchanged', () => {
    const values = filled({
      html: '<p>"Quoted" & <b>bold</b></p>',
      status: ['confirmed', 'waitlisted'],
      sessionId: 'ws-a',
      sendAtDay: '4',
      sendAtMonth: '3',
      sendAtYear: '2027',
      sendAtTime: '09:00',
    });

    const again = readCampaignValues(posted(campaignFormFields(values).map((f) => [f.name, f.value])));

    expect(again).toEqual(values);
  });
});

describe('the compose form, refused', () => {
  const problemsOf = (values: CampaignFormValues) => {
    const parsed = campaignRequest.safeParse(campaignRequestOf(values).request);
    return parsed.success
      ? []
      : parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
  };

  it('says what to do beside each field, in the order of the page', () => {
    const values = filled({ subject: '', text: '', status: [] });

    const errors = campaignFormErrors(values, problemsOf(values), 'preview');

    expect(errors.summary).toEqual([
      { text: 'Enter a subject', href: '#subject' },
      { text: 'Enter the message', href: '#text' },
      { text: 'Select who should get it', href: '#status' },
    ]);
  });

  it('keeps the template check’s own words, and says limits in numbers', () => {
    const values = filled({ subject: 'x'.repeat(201) });
    const problems = [
      ...problemsOf(values),
      {
        path: 'text',
        message: 'Unknown placeholder {{nmae}}: use {{name}}, {{event.title}}, {{manageUrl}}.',
      },
    ];

    const errors = campaignFormErrors(values, problems, 'preview');

    expect(errors.byField).toEqual({
      subject: 'A subject must be 200 characters or less',
      text: 'Unknown placeholder {{nmae}}: use {{name}}, {{event.title}}, {{manageUrl}}.',
    });
  });

  it.each([
    ['Must be in the future', 'The time to send it must be in the future'],
    ['Must be within 366 days', 'The time to send it must be within a year'],
    ['Not a real date and time: 2027-02-31T09:00', 'Enter a real date, for example 27 3 2027'],
    [
      '2027-03-28T01:30 does not exist in Europe/London (the clocks go forward then)',
      'That time does not exist on that day because the clocks go forward. Choose another time',
    ],
  ])('puts "%s" beside the date', (said, shown) => {
    const errors = campaignFormErrors(filled(), [{ path: 'sendAt', message: said }], 'preview');

    expect(errors.summary).toEqual([{ text: shown, href: '#sendAt-day' }]);
  });

  it('links a problem on no field to the Preview button', () => {
    const errors = campaignFormErrors(filled(), [{ path: '', message: 'Over the daily quota' }], 'preview');

    expect(errors.summary).toEqual([{ text: 'Over the daily quota', href: '#preview' }]);
  });
});
