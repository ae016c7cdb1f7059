import { afterEach, describe, expect, it } from '@jest/globals';
import { SendEmailCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { startLocalSes, type LocalSes } from '../../infra/local/ses-local';
import { startSesProcess } from '../../infra/local/ses-process';

const started: LocalSes[] = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((ses) => ses.stop()));
});

const start = async (): Promise<LocalSes> => {
  const ses = await startLocalSes();
  started.push(ses);
  return ses;
};

const sendTo = (ses: LocalSes, to: string) =>
  new SESv2Client({
    endpoint: ses.endpoint,
    region: 'eu-west-2',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  }).send(
    new SendEmailCommand({
      Content: {
        Raw: { Data: Buffer.from(`From: events@convene.local\r\nTo: ${to}\r\nSubject: Hi\r\n\r\nHi.\r\n`) },
      },
    }),
  );

describe('aws-ses-v2-local in a process of its own', () => {
  it('keeps each local SES its own mail, even two in one process', async () => {
    // Arrange
    const first = await start();
    const second = await start();

    // Act
    await sendTo(first, 'one@school.example.org');

    // Assert
    expect((await first.mail()).map((m) => m.destination.to)).toEqual([['one@school.example.org']]);
    expect(await second.mail()).toEqual([]);
  });

  it('ends when stopped, and is not left running behind the stack', async () => {
    // Arrange
    const ses = await startSesProcess();
    const health = await fetch(`${ses.url}/health-check`);
    expect(health.status).toBe(200);

    // Act
    await ses.stop();

    // Assert: no such process any more
    expect(() => process.kill(ses.pid as number, 0)).toThrow();
  });
});
