import { SESv2Client, SendEmailCommand, SESv2ServiceException } from '@aws-sdk/client-sesv2';
import { EnvNames, optionalEnv, requireEnv } from '../config/env';
import { classifySendFault, type SendFault } from '../domain/delivery/send-fault';
import { awsErrorFacts } from './aws-error';

export const sesFromAddress = requireEnv(EnvNames.sesFromAddress);
const configurationSet = optionalEnv(EnvNames.sesConfigurationSet);

// A request timeout so a hung endpoint becomes a retry, never a stuck sender.
const client = new SESv2Client({
  maxAttempts: 1,
  requestHandler: { requestTimeout: 10_000, connectionTimeout: 3_000 },
});

/** The request may or may not have reached SES (a network error or timeout): never resend blindly. */
export class SendOutcomeUnknownError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SendOutcomeUnknownError';
  }
}

/** SES answered and refused the send: nothing was sent. `fault` says whose fault, and so what to do. */
export class SendRefusedError extends Error {
  constructor(readonly fault: SendFault) {
    super(fault.reason);
    this.name = 'SendRefusedError';
  }
}

/** Sends one raw MIME message; returns SES's message id. */
export const sendRawEmail = async (raw: Buffer, tags: Readonly<Record<string, string>>): Promise<string> => {
  try {
    const result = await client.send(
      new SendEmailCommand({
        Content: { Raw: { Data: raw } },
        ...(configurationSet ? { ConfigurationSetName: configurationSet } : {}),
        EmailTags: Object.entries(tags).map(([Name, Value]) => ({ Name, Value })),
      }),
    );
    if (!result.MessageId)
      throw new SendRefusedError({
        kind: 'transient',
        code: 'NoMessageId',
        reason: 'SES returned no message id',
      });
    return result.MessageId;
  } catch (error) {
    if (error instanceof SendRefusedError) throw error;
    const facts = error instanceof SESv2ServiceException ? awsErrorFacts(error) : undefined;
    if (facts) throw new SendRefusedError(classifySendFault(facts));
    // Network errors and timeouts: SES may have taken the message; its Send event will tell.
    throw new SendOutcomeUnknownError(error instanceof Error ? error.message : String(error));
  }
};
