import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import type { EnvName } from '../../shared/config/env';
import type { AuditAction } from '../../shared/domain/audit/audit-record';
import { auditEnvironment } from '../../shared/use-cases/audit/audit-declaration';
import type { GrantTarget } from './grants';

/**
 * A function whose routes record in the event's audit: an HTTP route's action in its environment (a
 * console area's are in its route table, which its bundle holds), and one put into the audit partitions
 * alone (`EVENT#<eventId>#AUDIT`), whatever its own table access is.
 */
export const bindAudit = (
  fn: GrantTarget,
  table: dynamodb.ITable,
  routes: readonly { readonly audit?: AuditAction }[],
  kind: 'http' | 'pages',
): void => {
  if (!routes.some((route) => route.audit)) return;
  if (kind === 'http') {
    for (const [name, value] of Object.entries(auditEnvironment(routes[0] ?? {}))) {
      fn.addEnvironment(name as EnvName, value);
    }
  }
  iam.Grant.addToPrincipal({
    grantee: fn,
    actions: ['dynamodb:PutItem'],
    resourceArns: [table.tableArn],
    conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['EVENT#*#AUDIT'] } },
  });
};
