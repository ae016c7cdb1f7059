import { EnvNames, MissingConfigurationError, type EnvName } from '../../config/env';
import { AuditActions, type AuditAction } from '../../domain/audit/audit-record';

/** What a route records, as its wiring trigger (or console route) declares it. */
export interface AuditDeclaration {
  readonly audit?: AuditAction;
}

/**
 * The variable that carries an HTTP route's audit action from the wiring to its function: the CDK app
 * sets it on the Lambda function, the local stack around its cold start, as it does the route's audience.
 */
export const auditEnvironment = (declared: AuditDeclaration): Partial<Record<EnvName, string>> =>
  declared.audit ? { [EnvNames.auditAction]: declared.audit } : {};

/** This function's audit action, read at cold start; a value that names no action fails it. */
export const routeAuditAction = (): AuditAction | undefined => {
  const value = process.env[EnvNames.auditAction] || undefined;
  if (value === undefined) return undefined;
  if (!(AuditActions as readonly string[]).includes(value))
    throw new MissingConfigurationError(EnvNames.auditAction);
  return value as AuditAction;
};
