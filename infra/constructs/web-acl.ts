import * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import { Construct } from 'constructs';

export interface WebAclProps {
  /** The web ACL's name, also the prefix of its CloudWatch metric names. */
  readonly name: string;
  /** Paths of the public POST routes, as the wiring writes them (`/events/{eventId}/registrations`). */
  readonly publicPostPaths: readonly string[];
  /** @default 300 requests per IP address in any 5 minutes, to the public POST routes together */
  readonly publicPostLimitPer5Minutes?: number;
}

/** The body a rate-limited caller gets: API.md's error shape, as every 4xx of the API. */
export const rateLimitedBody = {
  error: {
    code: 'rate_limited',
    message: 'Too many requests from your network. Wait a few minutes and try again.',
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
    if (props.publicPostPaths.length > 0) {
      rules.push({
        name: 'PublicPostRateLimit',
        priority: 3,
        action: { block: { customResponse: { responseCode: 429, customResponseBodyKey: 'rateLimited' } } },
        statement: {
          rateBasedStatement: {
            limit: props.publicPostLimitPer5Minutes ?? 300,
            evaluationWindowSec: 300,
            // CloudFront hands WAF the viewer's own address; a school's staff share one, hence the headroom.
            aggregateKeyType: 'IP',
            scopeDownStatement: {
              andStatement: {
                statements: [
                  {
                    byteMatchStatement: {
                      fieldToMatch: { method: {} },
                      positionalConstraint: 'EXACTLY',
                      searchString: 'POST',
                      textTransformations: noTransformation,
                    },
                  },
                  {
                    regexMatchStatement: {
                      fieldToMatch: { uriPath: {} },
                      regexString: pathsRegex(props.publicPostPaths),
                      textTransformations: noTransformation,
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
  }
}
