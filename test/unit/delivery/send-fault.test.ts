import { describe, expect, it } from '@jest/globals';
import {
  classifySendFault,
  isConfigurationError,
  type AwsErrorFacts,
  type SendFaultKind,
} from '../../../shared/domain/delivery/send-fault';

const fault = (name: string, message: string, status: number, server = false): AwsErrorFacts => ({
  name,
  message,
  status,
  fault: server ? 'server' : 'client',
});

describe('classifySendFault: whose fault an SES refusal is', () => {
  // SES v2 SendEmail's errors and statuses (its model), with messages as AWS words them.
  const cases: [string, AwsErrorFacts, SendFaultKind][] = [
    [
      'AccessDenied (IAM: no ses:SendRawEmail)',
      fault(
        'AccessDeniedException',
        'User: arn:aws:sts::123456789012:assumed-role/send/send is not authorized to perform: ' +
          'ses:SendRawEmail on resource: arn:aws:ses:eu-west-2:123456789012:identity/example.org',
        403,
      ),
      'configuration',
    ],
    [
      'an unverified sending identity',
      fault(
        'MessageRejected',
        'Email address is not verified. The following identities failed the check in region EU-WEST-2: events@example.org',
        400,
      ),
      'configuration',
    ],
    [
      'the sandbox refusing an unverified recipient',
      fault(
        'MessageRejected',
        'Email address is not verified. The following identities failed the check in region US-EAST-1: sian@example.org',
        400,
      ),
      'configuration',
    ],
    [
      'an unverified MAIL FROM domain',
      fault('MailFromDomainNotVerifiedException', "The sending domain isn't verified.", 400),
      'configuration',
    ],
    [
      'a missing configuration set',
      fault('NotFoundException', 'Configuration set convene-prod does not exist.', 404),
      'configuration',
    ],
    [
      'a paused account',
      fault('SendingPausedException', "The account's ability to send email is currently paused.", 400),
      'configuration',
    ],
    [
      'a suspended account',
      fault('AccountSuspendedException', "The account's ability to send email has been restricted.", 400),
      'configuration',
    ],
    [
      'credentials that are not valid',
      fault('UnrecognizedClientException', 'The security token included in the request is invalid.', 403),
      'configuration',
    ],
    ['throttling', fault('TooManyRequestsException', 'Maximum sending rate exceeded.', 429), 'transient'],
    ['a quota', fault('LimitExceededException', 'Daily message quota exceeded.', 400), 'transient'],
    ["SES's own fault", fault('InternalServiceErrorException', 'Internal error.', 500, true), 'transient'],
    ['an unmodelled 503', fault('ServiceUnavailable', 'Service unavailable.', 503, true), 'transient'],
    [
      'content SES will not send',
      fault('MessageRejected', 'Message length is more than 10485760 bytes long: 10485761.', 400),
      'recipient',
    ],
    ['a malformed address', fault('BadRequestException', 'Illegal address', 400), 'recipient'],
    [
      'a refusal no one has seen before: held, not lost',
      fault('SomethingNewException', 'Something new.', 400),
      'configuration',
    ],
  ];

  it.each(cases)('%s', (_, error, kind) => {
    expect(classifySendFault(error).kind).toBe(kind);
  });

  it('keeps the code and message as the reason, and tells the operator what to look at', () => {
    const result = classifySendFault(fault('AccessDeniedException', 'User: x is not authorized', 403));

    expect(result).toEqual({
      kind: 'configuration',
      code: 'AccessDeniedException',
      reason: 'AccessDeniedException: User: x is not authorized',
      hint: expect.stringContaining('ses:SendRawEmail'),
    });
  });

  it('gives no hint for a transient or a recipient fault', () => {
    expect(classifySendFault(fault('TooManyRequestsException', 'slow down', 429)).hint).toBeUndefined();
    expect(classifySendFault(fault('MessageRejected', 'Illegal header', 400)).hint).toBeUndefined();
  });
});

describe('isConfigurationError: an AWS error on the way to SES', () => {
  it.each([
    ['AccessDenied on the table', fault('AccessDeniedException', 'not authorized', 400), true],
    ['a missing secret', fault('ResourceNotFoundException', "Secrets Manager can't find it", 400), true],
    [
      'a lost condition (a race, not a fault)',
      fault('ConditionalCheckFailedException', 'failed', 400),
      false,
    ],
    ['a transaction conflict', fault('TransactionCanceledException', 'cancelled', 400), false],
  ])('%s', (_, error, expected) => {
    expect(isConfigurationError(error)).toBe(expected);
  });
});
