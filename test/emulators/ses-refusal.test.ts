import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  MessageRejected,
  NotFoundException,
  SendEmailCommand,
  SendingPausedException,
  SESv2Client,
  SESv2ServiceException,
} from '@aws-sdk/client-sesv2';
import { startLocalSes, type LocalSes, type SesRefusalCode } from '../../infra/local/ses-local';

let ses: LocalSes;
let client: SESv2Client;

beforeAll(async () => {
  ses = await startLocalSes({ region: 'eu-west-2', accountId: '000000000000' });
  client = new SESv2Client({
    endpoint: ses.endpoint,
    region: 'eu-west-2',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  });
});
afterAll(async () => ses?.stop());

const raw = (to: string) =>
  Buffer.from(`From: events@convene.local\r\nTo: ${to}\r\nSubject: Hello\r\n\r\nHello.\r\n`);

const send = (to: string) =>
  client.send(
    new SendEmailCommand({ Content: { Raw: { Data: raw(to) } }, ConfigurationSetName: 'convene-local' }),
  );

const refusedWith = async (to: string): Promise<SESv2ServiceException> => {
  const error = await send(to).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof SESv2ServiceException)) throw new Error(`Expected a refusal, got ${String(error)}`);
  return error;
};

describe('local SES refusing as AWS does', () => {
  it.each<[SesRefusalCode, new (...args: never[]) => SESv2ServiceException, number]>([
    ['MessageRejected', MessageRejected, 400],
    ['NotFoundException', NotFoundException, 404],
    ['SendingPausedException', SendingPausedException, 400],
  ])('%s reaches the real client as its own exception class, with its status', async (code, type, status) => {
    ses.refuse({ code });
    try {
      const error = await refusedWith(`${code}@school.example.org`);

      expect(error).toBeInstanceOf(type);
      expect(error.$metadata.httpStatusCode).toBe(status);
      expect(error.$fault).toBe('client');
      expect(await ses.mail(`${code}@school.example.org`)).toHaveLength(0);
    } finally {
      ses.refuse(undefined);
    }
  });

  it('AccessDenied, which SES v2 does not model, is a 403 named AccessDeniedException naming the action', async () => {
    ses.refuse({ code: 'AccessDeniedException' });
    try {
      const error = await refusedWith('denied@school.example.org');

      expect(error.name).toBe('AccessDeniedException');
      expect(error.$metadata.httpStatusCode).toBe(403);
      expect(error.message).toMatch(/not authorized to perform: ses:SendRawEmail on resource/);
    } finally {
      ses.refuse(undefined);
    }
  });

  it('names an unverified identity as SES does, or says what it is told, until refuse(undefined)', async () => {
    ses.refuse({ code: 'MessageRejected' });
    const unverified = await refusedWith('a@school.example.org');
    ses.refuse({ code: 'MessageRejected', message: 'Message length is more than 10485760 bytes long.' });
    const tooLong = await refusedWith('a@school.example.org');
    ses.refuse(undefined);
    const sent = await send('a@school.example.org');

    expect(unverified.message).toMatch(
      /^Email address is not verified\. .* region EU-WEST-2: convene\.local$/,
    );
    expect(tooLong.message).toBe('Message length is more than 10485760 bytes long.');
    expect(sent.MessageId).toBeDefined();
    expect(await ses.mail('a@school.example.org')).toHaveLength(1);
  });
});
