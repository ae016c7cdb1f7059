import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { EmailBounced, EmailComplaintReceived, EmailSent } from '../../../events';
import { addressesToSuppress, sendRequestOfTags } from '../../../shared/domain/delivery/ses-feedback';

const tagOf = (messageKey: string, recipientKey: string) =>
  Buffer.from(JSON.stringify([messageKey, recipientKey])).toString('base64url');

const sample = (file: string): { detail: unknown } =>
  JSON.parse(readFileSync(`events/samples/${file}`, 'utf8')) as { detail: unknown };

describe('the ledger entry of a mail SES reports on (its convene_message tag)', () => {
  it('reads back what the sender tagged the send with', () => {
    const tags = {
      'ses:configuration-set': ['convene-dev'],
      convene_message: [tagOf('campaign:c1', 'reg_1')],
    };
    expect(sendRequestOfTags(tags)).toEqual({ messageKey: 'campaign:c1', recipientKey: 'reg_1' });
  });

  it("finds the entry in the sample Send event's tags", () => {
    const detail = EmailSent.schema.parse(sample('email-sent.json').detail);
    expect(sendRequestOfTags(detail.mail.tags)).toEqual({
      messageKey: 'registration:reg_01jq8n0a1b2c3d4e5f6g7h8j9k:confirmed:v2',
      recipientKey: 'reg_01jq8n0a1b2c3d4e5f6g7h8j9k',
    });
  });

  it('is nothing for mail without the tag (not sent by Convene)', () => {
    expect(sendRequestOfTags({ 'ses:configuration-set': ['convene-dev'] })).toBeUndefined();
  });

  it.each([
    ['not base64 JSON', '!!!'],
    ['JSON of the wrong shape', Buffer.from('{"a":1}').toString('base64url')],
    ['an empty key', tagOf('', 'reg_1')],
  ])('throws for a tag that is there but unreadable: %s', (_, value) => {
    expect(() => sendRequestOfTags({ convene_message: [value] })).toThrow(/Unreadable convene_message/);
  });
});

describe('the addresses SES feedback suppresses', () => {
  it('lists every recipient of a permanent bounce, once each', () => {
    const recipients = [
      { emailAddress: 'gone@school.example.org' },
      { emailAddress: 'Gone@School.example.org' },
      { emailAddress: 'left@school.example.org' },
    ];
    expect(addressesToSuppress({ kind: 'bounce', bounceType: 'Permanent', recipients })).toEqual([
      { email: 'gone@school.example.org', reason: 'bounce' },
      { email: 'left@school.example.org', reason: 'bounce' },
    ]);
  });

  it.each(['Transient', 'Undetermined'])('lists nobody for a %s bounce: the next mail may arrive', (type) => {
    expect(
      addressesToSuppress({
        kind: 'bounce',
        bounceType: type,
        recipients: [{ emailAddress: 'full@school.example.org' }],
      }),
    ).toEqual([]);
  });

  it('lists every recipient who complained', () => {
    const detail = EmailComplaintReceived.schema.parse(sample('email-complaint-received.json').detail);
    expect(
      addressesToSuppress({ kind: 'complaint', recipients: detail.complaint.complainedRecipients }),
    ).toEqual([{ email: 'head@primary.example.org', reason: 'complaint' }]);
  });

  it('reads the bounce sample as a permanent bounce of its recipient', () => {
    const { bounce } = EmailBounced.schema.parse(sample('email-bounced.json').detail);
    expect(
      addressesToSuppress({
        kind: 'bounce',
        bounceType: bounce.bounceType,
        recipients: bounce.bouncedRecipients,
      }),
    ).toEqual([{ email: 'old.address@school.example.org', reason: 'bounce' }]);
  });
});
