import { describe, expect, it } from '@jest/globals';
import { renderSurveyMessage, type SurveyMessageInput } from '../../../shared/mail/survey-message';

const organiser = { name: 'Convene Events', email: 'events@convene.example' };
const SURVEY_URL = 'https://convene.example/surveys/abc.def';
const UNSUBSCRIBE_URL = 'https://convene.example/unsubscribe?token=ghi.jkl';

const anInvitation = (overrides: Partial<SurveyMessageInput> = {}): SurveyMessageInput => ({
  step: 'invitation',
  delegate: { name: 'Siân <b>Jones</b>' },
  event: {
    title: 'Primary Science & Maths',
    timezone: 'Europe/London',
    startsAt: '2027-04-01T08:00:00.000Z',
  },
  questionCount: 4,
  closesAt: new Date('2027-04-16T08:00:00.000Z'),
  surveyUrl: SURVEY_URL,
  ...overrides,
});

describe('survey emails', () => {
  it('invite with the survey link and the close in the event zone, without an unsubscribe link', () => {
    const mail = renderSurveyMessage(anInvitation(), organiser);
    expect(mail.subject).toBe('How was Primary Science & Maths? Your feedback, please');
    expect(mail.text).toContain('Thursday 1 April 2027');
    expect(mail.text).toContain('There are 4 questions');
    expect(mail.text).toContain(`Answer the survey:\n${SURVEY_URL}`);
    expect(mail.text).toContain('The survey closes on Friday 16 April 2027 at 09:00.');
    expect(mail.text).not.toContain('unsubscribe');
    expect(mail.html).toContain('href="https://convene.example/surveys/abc.def"');
    expect(mail.html).not.toContain('unsubscribe');
  });

  it('escape names and titles in HTML', () => {
    const mail = renderSurveyMessage(anInvitation(), organiser);
    expect(mail.html).toContain('Siân &lt;b&gt;Jones&lt;/b&gt;');
    expect(mail.html).toContain('Primary Science &amp; Maths');
    expect(mail.html).not.toContain('<b>Jones</b>');
  });

  it('remind in other words, with the unsubscribe link', () => {
    const mail = renderSurveyMessage(
      anInvitation({ step: 'reminder', questionCount: 1, unsubscribeUrl: UNSUBSCRIBE_URL }),
      organiser,
    );
    expect(mail.subject).toBe('Reminder: your feedback on Primary Science & Maths');
    expect(mail.text).toContain('your answers still count');
    expect(mail.text).toContain(`unsubscribe: ${UNSUBSCRIBE_URL}`);
    expect(mail.html).toContain('href="https://convene.example/unsubscribe?token&#x3D;ghi.jkl"');
  });

  it('refuse links that are not web addresses', () => {
    expect(() => renderSurveyMessage(anInvitation({ surveyUrl: 'javascript:alert(1)' }), organiser)).toThrow(
      /surveyUrl/,
    );
  });
});
