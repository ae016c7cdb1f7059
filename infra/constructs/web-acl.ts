import { RemovalPolicy, Stack, ArnFormat } from 'aws-cdk-lib';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import { Construct } from 'constructs';

export interface WebAclProps {
  /** The web ACL's name, also the prefix of its CloudWatch metric names. */
  readonly name: string;
  /** The public writes (method and path as the wiring writes them: `POST /events/{eventId}/registrations`). */
  readonly publicWrites: readonly { readonly method: string; readonly path: string }[];
  /** Public writes per client address in any minute; 0 leaves the rule out. */
  readonly publicWriteLimitPerMinute: number;
}

/** The body a rate-limited caller gets: API.md's error shape, as every 4xx of the API. */
export const rateLimitedBody = {
  error: {
    code: 'rate_limited',
    message: 'Too many requests from your network. Wait a minute and try again.',
    details: [],
  },
} as const;

/** A regex matching the request path of any of the route paths (`{param}` is one path segment). */
export const pathsRegex = (paths: readonly string[]): string => {
  const one = (path: string) =>
    path
      .split(/(\{[^}]+\})/)
      .map((part) => (/^\{[^}]+\}$/.test(part) ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
      .join('');
  return `^(?:${paths.map(one).join('|')})/?$`;
};

const visibility = (metricName: string): wafv2.CfnWebACL.VisibilityConfigProperty => ({
  cloudWatchMetricsEnabled: true,
  metricName,
  sampledRequestsEnabled: true,
});

const noTransformation = [{ priority: 0, type: 'NONE' }];

/**
 * The WAF in front of the distribution (scope CLOUDFRONT, so it lives in us-east-1): AWS's common rule set
 * and known bad inputs, and a per-address rate limit on the routes anyone may POST to without an account.
 */
export class WebAcl extends Construct {
  readonly webAcl: wafv2.CfnWebACL;

  constructor(scope: Construct, id: string, props: WebAclProps) {
    super(scope, id);
    const managed = (name: string, priority: number, overrides?: readonly string[]) => ({
      name,
      priority,
      overrideAction: { none: {} },
      statement: {
        managedRuleGroupStatement: {
          vendorName: 'AWS',
          name,
          ...(overrides === undefined
            ? {}
            : { ruleActionOverrides: overrides.map((rule) => ({ name: rule, actionToUse: { count: {} } })) }),
        },
      },
      visibilityConfig: visibility(`${props.name}-${name}`),
    });
    const rules: wafv2.CfnWebACL.RuleProperty[] = [
      // Campaign HTML and survey answers are legitimately larger than the set's 8 KB body limit: counted, not blocked.
      managed('AWSManagedRulesCommonRuleSet', 1, ['SizeRestrictions_BODY']),
      managed('AWSManagedRulesKnownBadInputsRuleSet', 2),
    ];
    const methods = [...new Set(props.publicWrites.map((w) => w.method))];
    if (props.publicWrites.length > 0 && props.publicWriteLimitPerMinute > 0) {
      const method = (name: string): wafv2.CfnWebACL.StatementProperty => ({
        byteMatchStatement: {
          fieldToMatch: { method: {} },
          positionalConstraint: 'EXACTLY',
          searchString: name,
          textTransformations: noTransformation,
        },
      });
      rules.push({
        name: 'PublicPostRateLimit',
        priority: 3,
        action: { block: { customResponse: { responseCode: 429, customResponseBodyKey: 'rateLimited' } } },
        statement: {
          rateBasedStatement: {
            limit: props.publicWriteLimitPerMinute,
            evaluationWindowSec: 60,
            // CloudFront hands WAF the viewer's own address, which many schools share: hence 20, not 5.
            aggregateKeyType: 'IP',
            scopeDownStatement: {
              andStatement: {
                statements: [
                  methods.length === 1
                    ? method(methods[0]!)
                    : { orStatement: { statements: methods.map(method) } },
                  {
                    regexMatchStatement: {
                      fieldToMatch: { uriPath: {} },
                      regexString: pathsRegex(props.publicWrites.map((w) => w.path)),
                      textTransformations: noTransformation,
                    },
                  },
                  // A signed-in caller's booking (walk-ins at the door) is not counted: the function verifies its
                  // token, and a request with a bad one is a 401 that stores nothing.
                  {
                    notStatement: {
                      statement: {
                        sizeConstraintStatement: {
                          fieldToMatch: { singleHeader: { Name: 'authorization' } },
                          comparisonOperator: 'GT',
                          size: 0,
                          textTransformations: noTransformation,
                        },
                      },
                    },
                  },
                ],
              },
            },
          },
        },
        visibilityConfig: visibility(`${props.name}-PublicPostRateLimit`),
      });
    }
    this.webAcl = new wafv2.CfnWebACL(this, 'Resource', {
      name: props.name,
      description: 'Convene: managed protections and a rate limit on public POST routes',
      scope: 'CLOUDFRONT',
      defaultAction: { allow: {} },
      customResponseBodies: {
        rateLimited: { contentType: 'APPLICATION_JSON', content: JSON.stringify(rateLimitedBody) },
      },
      rules,
      visibilityConfig: visibility(props.name),
    });
    this.logBlocked(props.name);
  }

  /**
   * What the web ACL blocked or counted, to its own log group (WAF requires the aws-waf-logs- prefix), kept a
   * month: the viewer's address and the path, with the Authorization and Cookie headers redacted. Allowed
   * requests are dropped, so the log holds the abuse and not every delegate.
   */
  private logBlocked(name: string): void {
    const logGroupName = `aws-waf-logs-${name}`;
    const logGroup = new logs.LogGroup(this, 'Log', {
      logGroupName,
      retention: logs.RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    const logging = new wafv2.CfnLoggingConfiguration(this, 'Logging', {
      resourceArn: this.webAcl.attrArn,
      // WAF takes the log group's ARN without the `:*` CloudFormation's attribute ends with.
      logDestinationConfigs: [
        Stack.of(this).formatArn({
          service: 'logs',
          resource: 'log-group',
          resourceName: logGroupName,
          arnFormat: ArnFormat.COLON_RESOURCE_NAME,
        }),
      ],
      redactedFields: [{ singleHeader: { Name: 'authorization' } }, { singleHeader: { Name: 'cookie' } }],
      loggingFilter: {
        DefaultBehavior: 'DROP',
        Filters: ['BLOCK', 'COUNT'].map((action) => ({
          Behavior: 'KEEP',
          Requirement: 'MEETS_ANY',
          Conditions: [{ ActionCondition: { Action: action } }],
        })),
      },
    });
    logging.node.addDependency(logGroup);
  }
}
