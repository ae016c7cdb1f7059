import { beforeAll, describe, expect, it } from '@jest/globals';
import { NIST80053R5Checks } from 'cdk-nag';
import { PUBLIC_WRITE_THROTTLE, registrationLimitContextKey } from '../../infra/constructs/abuse-limits';
import { wiring } from '../../infra/wiring';
import { publicWrites } from '../../infra/wiring/public-writes';
import {
  buildTestApp,
  resourcesOf,
  synthConvene,
  validContext,
  type CfnJson,
  type Synthesized,
} from './support';

const webAclOf = (synth: Synthesized): CfnJson =>
  Object.values(resourcesOf(synth.template(synth.stacks.edge), 'AWS::WAFv2::WebACL'))[0]!.Properties;
const rateRuleOf = (synth: Synthesized): CfnJson =>
  (webAclOf(synth).Rules as CfnJson[]).find((rule) => rule.Statement.RateBasedStatement);

let synth: Synthesized;
beforeAll(() => {
  synth = synthConvene();
});

describe('API Gateway throttles per route', () => {
  it('hold every public write of the wiring far below the stage’s default, and nothing else', () => {
    const [stage] = Object.values(resourcesOf(synth.template(synth.stacks.api), 'AWS::ApiGatewayV2::Stage'));
    const { DefaultRouteSettings, RouteSettings } = stage!.Properties;
    expect(Object.keys(RouteSettings).sort()).toEqual(
      publicWrites(wiring)
        .map((w) => `${w.method} ${w.path}`)
        .sort(),
    );
    expect(RouteSettings['POST /events/{eventId}/registrations']).toEqual({
      ThrottlingRateLimit: PUBLIC_WRITE_THROTTLE.rateLimit,
      ThrottlingBurstLimit: PUBLIC_WRITE_THROTTLE.burstLimit,
    });
    for (const setting of Object.values(RouteSettings) as CfnJson[]) {
      expect(setting.ThrottlingRateLimit * 5).toBeLessThanOrEqual(DefaultRouteSettings.ThrottlingRateLimit);
      expect(setting.ThrottlingBurstLimit * 4).toBeLessThanOrEqual(DefaultRouteSettings.ThrottlingBurstLimit);
    }
  });

  it('name routes the stage is deployed after, so each setting finds its route', () => {
    const template = synth.template(synth.stacks.api);
    const routes = resourcesOf(template, 'AWS::ApiGatewayV2::Route');
    const [stage] = Object.values(resourcesOf(template, 'AWS::ApiGatewayV2::Stage'));
    const dependsOn = new Set((stage as CfnJson).DependsOn as string[]);
    for (const key of Object.keys(stage!.Properties.RouteSettings)) {
      const ids = Object.entries(routes).filter(([, route]) => route.Properties.RouteKey === key);
      expect({ key, routes: ids.length }).toEqual({ key, routes: 1 });
      expect({ key, waited: dependsOn.has(ids[0]![0]) }).toEqual({ key, waited: true });
    }
  });
});

describe('the web ACL in the us-east-1 companion stack', () => {
  it('has AWS’s common rules and a rate rule per client address at 20 public writes a minute by default', () => {
    const acl = webAclOf(synth);
    expect(acl.Scope).toBe('CLOUDFRONT');
    expect(synth.stacks.edge.region).toBe('us-east-1');
    const groups = (acl.Rules as CfnJson[]).map((r) => r.Statement.ManagedRuleGroupStatement?.Name);
    expect(groups).toContain('AWSManagedRulesCommonRuleSet');
    expect(rateRuleOf(synth).Statement.RateBasedStatement).toMatchObject({
      Limit: 20,
      EvaluationWindowSec: 60,
      AggregateKeyType: 'IP',
    });
  });

  it('takes the limit from convene:registrationLimitPerMinute; 0 leaves the rule out; under WAF’s 10 is refused', () => {
    expect(
      rateRuleOf(synthConvene({}, { ...validContext, [registrationLimitContextKey]: 30 })).Statement
        .RateBasedStatement.Limit,
    ).toBe(30);
    expect(
      rateRuleOf(synthConvene({}, { ...validContext, [registrationLimitContextKey]: 0 })),
    ).toBeUndefined();
    expect(() => buildTestApp({}, { ...validContext, [registrationLimitContextKey]: 5 })).toThrow(
      /convene:registrationLimitPerMinute.*at least 10/,
    );
  });

  it('logs what it blocks, without tokens or cookies, to a group WAF accepts: cdk-nag’s WAF findings satisfied', () => {
    const template = synth.template(synth.stacks.edge);
    const [logging] = Object.values(resourcesOf(template, 'AWS::WAFv2::LoggingConfiguration'));
    expect(JSON.stringify(logging!.Properties.LogDestinationConfigs)).toMatch(/log-group:aws-waf-logs-/);
    expect(logging!.Properties.RedactedFields).toEqual([
      { SingleHeader: { Name: 'authorization' } },
      { SingleHeader: { Name: 'cookie' } },
    ]);
    const { stacks } = buildTestApp();
    const findings = [stacks.edge, stacks.root]
      .flatMap((stack) => new NIST80053R5Checks().validateScope(stack).violations)
      .filter((v) => /WAF/.test(v.ruleName));
    expect(findings).toEqual([]);
  });
});
