import { SESv2Client, SendEmailCommand, SESv2ServiceException } from '@aws-sdk/client-sesv2';
import { EnvNames, optionalEnv, requireEnv } from '../config/env';

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

export class SendRefusedError extends Error {
  constructor(
    message: string,
    /** True when trying again later may succeed (throttling, a service fault); false for a bad message. */
    readonly retryable: boolean,
  ) {
    super(message);
    this.name = 'SendRefusedError';
  }
}

const RETRYABLE = new Set(['TooManyRequestsException', 'LimitExceededException', 'ThrottlingException']);

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
    if (!result.MessageId) throw new SendRefusedError('SES returned no message id', true);
    return result.MessageId;
  } catch (error) {
    if (error instanceof SendRefusedError) throw error;
    if (error instanceof SESv2ServiceException) {
      const retryable =
        RETRYABLE.has(error.name) ||
        error.$fault === 'server' ||
        /throttl|rate exceeded/i.test(error.message);
      throw new SendRefusedError(`${error.name}: ${error.message}`, retryable);
    }
    // Network errors and timeouts: SES may have taken the message; its Send event will tell.
    throw new SendOutcomeUnknownError(error instanceof Error ? error.message : String(error));
  }
};
