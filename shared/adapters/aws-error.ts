import type { AwsErrorFacts } from '../domain/delivery/send-fault';

interface SdkServiceError extends Error {
  readonly $fault?: 'client' | 'server';
  readonly $metadata?: { readonly httpStatusCode?: number };
}

/**
 * What an AWS SDK v3 service error says about itself: its name, message, HTTP status and fault side.
 * Undefined unless a service answered with a status: the retry middleware puts `$metadata` on network
 * errors and timeouts too, and those say nothing about who was refused (SES may even have taken the mail).
 */
export const awsErrorFacts = (error: unknown): AwsErrorFacts | undefined => {
  if (!(error instanceof Error) || !('$metadata' in error)) return undefined;
  const { name, message, $fault: fault, $metadata: metadata } = error as SdkServiceError;
  const status = metadata?.httpStatusCode;
  if (status === undefined) return undefined;
  return { name, message, status, ...(fault ? { fault } : {}) };
};
