import { describe, expect, it } from '@jest/globals';
import { simpleParser } from 'mailparser';
import { CHECK_IN_QR_CID, checkInQrImage } from '../../../shared/mail/check-in-qr';
import { composeMime, type OutgoingMail } from '../../../shared/mail/mime';
import {
  renderRegistrationMessage,
  type RegistrationMessageInput,
} from '../../../shared/mail/registration-message';
import { aRegistration, organiser, UK_DATE_LINE } from './registration-fixture';

const FROM = 'Convene Events <events@convene.example>';

const mailFor = (input: RegistrationMessageInput, extra: Partial<OutgoingMail> = {}): OutgoingMail => {
  const message = renderRegistrationMessage(input, organiser);
  return {
    from: FROM,
    to: { name: input.delegate.name, address: input.delegate.email },
    ...message,
    ...extra,
  };
};

/** The header section with folded lines joined, one header a line. */
const headerLines = (raw: Buffer): string[] => {
  const source = raw.toString('utf8');
  return source
    .slice(0, source.indexOf('\r\n\r\n'))
    .replace(/\r\n[ \t]/g, ' ')
    .split('\r\n');
};

describe('composeMime', () => {
  it('encodes non-ASCII names and subjects per RFC 2047, and they decode back as written', async () => {
    const input = aRegistration({
      delegate: { name: 'Zoë Ó Briain', email: 'zoe@example.com' },
      event: { ...aRegistration().event, title: 'Cynhadledd Gwyddoniaeth Siân' },
    });

    const raw = await composeMime(mailFor(input, { from: 'Siân Events <events@convene.example>' }));
    const parsed = await simpleParser(raw);

    const headers = headerLines(raw);
    expect(headers.find((h) => h.startsWith('From:'))).toMatch(/^From: =\?UTF-8\?[QB]\?/);
    expect(headers.find((h) => h.startsWith('To:'))).toMatch(/^To: =\?UTF-8\?[QB]\?/);
    expect(headers.find((h) => h.startsWith('Subject:'))).toMatch(/^Subject: =\?UTF-8\?[QB]\?/);
    // Nothing but 7-bit ASCII in the header section.
    expect(headers.join('\n')).toMatch(/^[\x20-\x7e\n]*$/);
    expect(parsed.from?.value).toEqual([{ name: 'Siân Events', address: 'events@convene.example' }]);
    expect(parsed.to).toMatchObject({ value: [{ name: 'Zoë Ó Briain', address: 'zoe@example.com' }] });
    expect(parsed.subject).toBe("You're booked: Cynhadledd Gwyddoniaeth Siân");
  });

  it('has text and HTML alternatives, an inline text/calendar part and an invite.ics attachment', async () => {
    const raw = await composeMime(mailFor(aRegistration()));
    const parsed = await simpleParser(raw);

    expect(parsed.text).toContain(`When: ${UK_DATE_LINE}`);
    expect(parsed.html).toContain(UK_DATE_LINE);
    expect(raw.toString()).toContain('Content-Type: text/calendar; charset=utf-8; method=REQUEST');
    const inline = parsed.attachments.find((a) => a.contentType === 'text/calendar');
    const file = parsed.attachments.find((a) => a.filename === 'invite.ics');
    expect(inline?.content.toString()).toContain('METHOD:REQUEST');
    expect(file?.contentType).toBe('application/ics');
    expect(file?.contentDisposition).toBe('attachment');
    expect(file?.content.toString()).toContain('UID:01JREG0000000000000000000@convene');
  });

  it('sends the check-in QR code with the HTML in a multipart/related part, named by its Content-ID', async () => {
    const checkInQr = await checkInQrImage('K7QX3M9P');
    const raw = await composeMime(mailFor(aRegistration({ checkInCode: 'K7QX3M9P', checkInQr })));
    const parsed = await simpleParser(raw);
    const source = raw.toString();

    expect(source).toMatch(/Content-Type: multipart\/related/);
    expect(source).toContain(`Content-ID: <${CHECK_IN_QR_CID}>`);
    const image = parsed.attachments.find((a) => a.contentType === 'image/png');
    expect(image).toMatchObject({ cid: CHECK_IN_QR_CID, contentDisposition: 'inline', related: true });
    expect(image?.content.equals(checkInQr.content)).toBe(true);
    // The calendar still travels as before.
    expect(parsed.attachments.find((a) => a.filename === 'invite.ics')).toBeDefined();
  });

  it('sends a cancellation as method=CANCEL', async () => {
    const raw = await composeMime(
      mailFor(aRegistration({ kind: 'cancelled', eventPlace: 'cancelled', sequence: 2 })),
    );
    const parsed = await simpleParser(raw);

    expect(raw.toString()).toContain('Content-Type: text/calendar; charset=utf-8; method=CANCEL');
    expect(parsed.attachments.find((a) => a.filename === 'invite.ics')?.content.toString()).toContain(
      'METHOD:CANCEL',
    );
  });

  it('has no calendar parts when the message has no invite', async () => {
    const raw = await composeMime(mailFor(aRegistration({ kind: 'waitlisted', eventPlace: 'waitlisted' })));
    const parsed = await simpleParser(raw);

    expect(raw.toString()).not.toContain('text/calendar');
    expect(parsed.attachments).toEqual([]);
    expect(parsed.text).toContain('we will email you if a place comes up');
  });

  it('a CR/LF in the name, subject or an extra header never adds a header', async () => {
    const injection = '\r\nBcc: attacker@example.com';
    const input = aRegistration({ delegate: { name: `Eve${injection}`, email: 'eve@example.com' } });

    const raw = await composeMime(
      mailFor(input, {
        subject: `Hello${injection}`,
        headers: { 'X-Convene-Ledger-Id': `ledger-1${injection}\nCc: attacker@example.com` },
      }),
    );
    const parsed = await simpleParser(raw);

    expect(headerLines(raw).filter((line) => /^(bcc|cc)\s*:/i.test(line))).toEqual([]);
    expect(parsed.headers.has('bcc')).toBe(false);
    expect(parsed.headers.has('cc')).toBe(false);
    expect(parsed.bcc).toBeUndefined();
    expect(parsed.to).toMatchObject({
      value: [{ address: 'eve@example.com', name: 'Eve Bcc: attacker@example.com' }],
    });
    expect(parsed.subject).toBe('Hello Bcc: attacker@example.com');
    expect(parsed.headers.get('x-convene-ledger-id')).toBe(
      'ledger-1 Bcc: attacker@example.com Cc: attacker@example.com',
    );
  });

  it('passes extra headers through', async () => {
    const raw = await composeMime(
      mailFor(aRegistration(), {
        headers: {
          'List-Unsubscribe': '<https://convene.example/unsubscribe?token=abc>',
          'X-Convene-Ledger-Id': 'msg-01J#sian@example.com',
        },
      }),
    );
    const headers = headerLines(raw);

    expect(headers).toContain('List-Unsubscribe: <https://convene.example/unsubscribe?token=abc>');
    // Header names are case-insensitive; nodemailer writes this one as X-Convene-Ledger-ID.
    expect(headers.filter((h) => /^X-Convene-Ledger-Id: msg-01J#sian@example\.com$/i.test(h))).toHaveLength(
      1,
    );
  });

  it.each([['Bcc'], ['content-type'], ['From'], ['X Bad'], ['X-Bad:\r\nBcc']])(
    'refuses %j as an extra header name',
    async (name) => {
      await expect(composeMime(mailFor(aRegistration(), { headers: { [name]: 'x' } }))).rejects.toThrow();
    },
  );

  it('writes CRLF line ends throughout', async () => {
    const source = (await composeMime(mailFor(aRegistration()))).toString('utf8');

    expect(source).not.toMatch(/[^\r]\n/);
    expect(source).not.toMatch(/\r(?!\n)/);
  });
});
