import { App, NestedStack, Stack, type CfnResource } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type { IConstruct } from 'constructs';
import { ContextKeys, parseSettings } from '../../constructs/settings';
import { buildConvene, type ConveneStacks } from '../../stacks';
import { createResolver, type CfnTemplate, type Resolver, type TemplateScope } from './cfn-resolver';
import { TABLE_NAME_PLACEHOLDER, type PolicyDocument, type PolicyModel } from './policy-model';

export interface LocalDeployment {
  readonly stage: string;
  readonly region: string;
  readonly accountId: string;
  readonly sesFromAddress: string;
  readonly xSecretName: string;
}

/** The CDK context of the local deployment: the settings a real stage would give, for the local stage. */
const contextOf = (d: LocalDeployment): Record<string, unknown> => ({
  [ContextKeys.stage]: d.stage,
  [ContextKeys.sesFromAddress]: d.sesFromAddress,
  [ContextKeys.sesIdentity]: d.sesFromAddress.slice(d.sesFromAddress.lastIndexOf('@') + 1),
  [ContextKeys.xSecretName]: d.xSecretName,
  [ContextKeys.sendRatePerSecond]: 50,
  [ContextKeys.sendDailyQuota]: 50_000,
});

const logicalIdOf = (construct: IConstruct): string => {
  const resource = construct.node.defaultChild as CfnResource | undefined;
  if (!resource) throw new Error(`${construct.node.path} has no CloudFormation resource`);
  return Stack.of(resource).resolve(resource.logicalId) as string;
};

/** The root stack's template and, below it, each nested stack's with what the parent passes in. */
const scopesOf = (root: Stack): { rootScope: TemplateScope; scopeOf: (stack: Stack) => TemplateScope } => {
  const byStack = new Map<Stack, TemplateScope>();
  const build = (stack: Stack, name: string, parent?: TemplateScope['parent']): TemplateScope => {
    const template = Template.fromStack(stack).toJSON() as CfnTemplate;
    const scope: TemplateScope = { name, template, nested: new Map(), ...(parent ? { parent } : {}) };
    byStack.set(stack, scope);
    const children = stack.node
      .findAll()
      .filter((c): c is NestedStack => NestedStack.isNestedStack(c) && c.nestedStackParent === stack);
    for (const child of children) {
      const logicalId = stack.resolve(child.nestedStackResource!.logicalId) as string;
      const parameters = template.Resources?.[logicalId]?.Properties?.Parameters ?? {};
      scope.nested.set(logicalId, build(child, `${name}-${child.node.id}`, { scope, parameters }));
    }
    return scope;
  };
  const rootScope = build(root, root.stackName);
  return {
    rootScope,
    scopeOf: (stack) => {
      const scope = byStack.get(stack);
      if (!scope) throw new Error(`No template for ${stack.node.path}`);
      return scope;
    },
  };
};

const referencesRole = (roles: unknown, roleLogicalId: string): boolean =>
  Array.isArray(roles) && roles.some((r) => (r as { Ref?: string })?.Ref === roleLogicalId);

/** A role's identity policies: its inline policies and every AWS::IAM::Policy attached to it. */
const policiesOfRole = (
  scope: TemplateScope,
  roleLogicalId: string,
  resolver: Resolver,
): { name: string; document: PolicyDocument }[] => {
  const resources = scope.template.Resources ?? {};
  const role = resources[roleLogicalId];
  if (role?.Properties?.ManagedPolicyArns?.length) {
    throw new Error(`${roleLogicalId} has managed policies, which the local IAM check cannot read`);
  }
  const inline = (
    (role?.Properties?.Policies ?? []) as { PolicyName: string; PolicyDocument: unknown }[]
  ).map((p) => ({ name: p.PolicyName, document: resolver.resolve(scope, p.PolicyDocument) }));
  const attached = Object.entries(resources)
    .filter(([, r]) => r.Type === 'AWS::IAM::Policy' && referencesRole(r.Properties?.Roles, roleLogicalId))
    .map(([id, r]) => ({ name: id, document: resolver.resolve(scope, r.Properties.PolicyDocument) }));
  return [...inline, ...attached];
};

const queueArnOfUrl = (url: string, region: string): string => {
  const [account, name] = new URL(url).pathname.split('/').filter(Boolean);
  return `arn:aws:sqs:${region}:${account}:${name}`;
};

/** Resource policies by the ARN of their resource, statements of several policies on one resource merged. */
const resourcePoliciesOf = (
  scopes: TemplateScope[],
  resolver: Resolver,
  { region, accountId }: { region: string; accountId: string },
) => {
  const policies: Record<string, PolicyDocument> = {};
  const add = (arn: string, document: PolicyDocument): void => {
    const existing = policies[arn];
    policies[arn] = existing
      ? { ...existing, Statement: [...[existing.Statement].flat(), ...[document.Statement].flat()] }
      : document;
  };
  for (const scope of scopes) {
    for (const resource of Object.values(scope.template.Resources ?? {})) {
      const props = resource.Properties ?? {};
      if (resource.Type === 'AWS::SQS::QueuePolicy') {
        const document = resolver.resolve(scope, props.PolicyDocument);
        for (const url of resolver.resolve(scope, props.Queues) as string[])
          add(queueArnOfUrl(url, region), document);
      } else if (resource.Type === 'AWS::SecretsManager::ResourcePolicy') {
        add(resolver.resolve(scope, props.SecretId), resolver.resolve(scope, props.ResourcePolicy));
      } else if (resource.Type === 'AWS::Events::EventBusPolicy' && props.Statement) {
        const bus = resolver.resolve(scope, props.EventBusName) as string;
        add(`arn:aws:events:${region}:${accountId}:event-bus/${bus}`, {
          Version: '2012-10-17',
          Statement: [resolver.resolve(scope, props.Statement)],
        });
      }
    }
  }
  return policies;
};

const allScopes = (scope: TemplateScope): TemplateScope[] => [
  scope,
  ...[...scope.nested.values()].flatMap(allScopes),
];

/**
 * Builds the whole CDK app for the local deployment without bundling (the policies do not depend on the
 * code) and reads every function's role policies and every resource policy from its templates.
 */
export const synthesizePolicyModel = (deployment: LocalDeployment): PolicyModel => {
  const context = contextOf(deployment);
  const app = new App({ context: { ...context, 'aws:cdk:bundling-stacks': [] } });
  const stacks: ConveneStacks = buildConvene(app, { settings: parseSettings((key) => context[key]) });
  const { rootScope, scopeOf } = scopesOf(stacks.root);

  const tableStack = Stack.of(stacks.storage.table);
  const tableId = logicalIdOf(stacks.storage.table);
  const { region, accountId } = deployment;
  const resolver = createResolver({
    region,
    accountId,
    // CloudFormation generates the table's name; each local stack has its own, put in at load time.
    overrides: (scope, logicalId) =>
      scope === scopeOf(tableStack) && logicalId === tableId
        ? {
            ref: TABLE_NAME_PLACEHOLDER,
            attributes: { Arn: `arn:aws:dynamodb:${region}:${accountId}:table/${TABLE_NAME_PLACEHOLDER}` },
          }
        : undefined,
  });

  const functions = Object.fromEntries(
    Object.entries(stacks.api.functions.functions).map(([name, fn]) => {
      const scope = scopeOf(Stack.of(fn.role));
      const roleId = logicalIdOf(fn.role);
      return [
        name,
        {
          roleArn: resolver.physical(scope, roleId).attributes.Arn!,
          policies: policiesOfRole(scope, roleId, resolver),
        },
      ];
    }),
  );
  const physicalOf = (construct: IConstruct) =>
    resolver.physical(scopeOf(Stack.of(construct)), logicalIdOf(construct));

  return {
    region,
    accountId,
    stage: deployment.stage,
    functions,
    resourcePolicies: resourcePoliciesOf(allScopes(rootScope), resolver, deployment),
    tokenKeySecretArn: physicalOf(stacks.storage.tokenKey).ref,
    schedulerRoleArn: physicalOf(stacks.messaging.schedulerRole).attributes.Arn!,
  };
};
