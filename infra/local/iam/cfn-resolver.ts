/**
 * Resolves the intrinsic functions of synthesized CloudFormation templates into the local stack's values:
 * pseudo parameters, `Ref` and `Fn::GetAtt` of resources (physical names and ARNs as CloudFormation
 * would make them, or as the local stack names them), nested-stack parameters (followed to the parent's
 * value, which for a value of a sibling nested stack is that stack's output), `Fn::Join`, `Fn::Sub`,
 * `Fn::Select` and `Fn::Split`. Everything about turning a template into local ARNs lives here, once.
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- templates are JSON read loosely
type Json = any;

/** The local user pool's id (the Cognito emulator's), as Cognito makes one: `<region>_<id>`. */
export const localUserPoolId = (region: string): string => `${region}_local`;

export interface CfnTemplate {
  readonly Resources?: Record<string, { Type: string; Properties?: Json }>;
  readonly Parameters?: Record<string, Json>;
  readonly Outputs?: Record<string, { Value: Json }>;
}

/** A template in its place in the app: the nested stacks below it, and what its parent passes in. */
export interface TemplateScope {
  readonly name: string;
  readonly template: CfnTemplate;
  readonly parent?: { readonly scope: TemplateScope; readonly parameters: Readonly<Record<string, Json>> };
  /** The scope of each `AWS::CloudFormation::Stack` resource of this template, by logical ID. */
  readonly nested: Map<string, TemplateScope>;
}

/** What `Ref` and `Fn::GetAtt` of one resource give. */
export interface Physical {
  readonly ref: string;
  readonly attributes: Readonly<Record<string, string>>;
}

export interface ResolverOptions {
  readonly region: string;
  readonly accountId: string;
  /** Physical values the local stack decides (resources whose names CloudFormation would generate). */
  readonly overrides?: (scope: TemplateScope, logicalId: string) => Physical | undefined;
}

export class UnresolvableError extends Error {
  constructor(where: string, value: Json) {
    super(`Cannot resolve ${JSON.stringify(value)} in ${where} for the local stack`);
    this.name = 'UnresolvableError';
  }
}

/** A stable six-character suffix, as Secrets Manager appends to a secret's name in its ARN. */
const secretSuffix = (name: string): string => {
  let hash = 0;
  for (const char of name) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return hash.toString(36).padStart(6, 'x').slice(-6);
};

/** Physical values as CloudFormation gives them, from the name the template sets or a generated one. */
const physicalOf = (
  scope: TemplateScope,
  logicalId: string,
  resource: { Type: string; Properties?: Json },
  { region, accountId }: ResolverOptions,
  resolve: (value: Json) => Json,
): Physical => {
  const props = resource.Properties ?? {};
  const named = (key: string): string =>
    props[key] === undefined ? `${scope.name}-${logicalId}` : String(resolve(props[key]));
  const arn = (service: string, resource: string, at = region): string =>
    `arn:aws:${service}:${at}:${accountId}:${resource}`;
  switch (resource.Type) {
    case 'AWS::Cognito::UserPool': {
      const id = localUserPoolId(region);
      return { ref: id, attributes: { Arn: arn('cognito-idp', `userpool/${id}`) } };
    }
    case 'AWS::DynamoDB::Table': {
      const name = named('TableName');
      return { ref: name, attributes: { Arn: arn('dynamodb', `table/${name}`) } };
    }
    case 'AWS::SQS::Queue': {
      const name = named('QueueName');
      const url = `https://sqs.${region}.amazonaws.com/${accountId}/${name}`;
      return { ref: url, attributes: { Arn: arn('sqs', name), QueueName: name, QueueUrl: url } };
    }
    case 'AWS::Events::EventBus': {
      const name = named('Name');
      return { ref: name, attributes: { Arn: arn('events', `event-bus/${name}`), Name: name } };
    }
    case 'AWS::SecretsManager::Secret': {
      const name = named('Name');
      const secretArn = arn('secretsmanager', `secret:${name}-${secretSuffix(name)}`);
      return { ref: secretArn, attributes: { Id: secretArn } };
    }
    case 'AWS::IAM::Role': {
      const name = named('RoleName');
      return { ref: name, attributes: { Arn: `arn:aws:iam::${accountId}:role/${name}`, RoleId: name } };
    }
    case 'AWS::Scheduler::ScheduleGroup': {
      const name = named('Name');
      return { ref: name, attributes: { Arn: arn('scheduler', `schedule-group/${name}`) } };
    }
    case 'AWS::SES::ConfigurationSet':
      return { ref: named('Name'), attributes: {} };
    case 'AWS::Logs::LogGroup': {
      const name = named('LogGroupName');
      return { ref: name, attributes: { Arn: arn('logs', `log-group:${name}:*`) } };
    }
    case 'AWS::SNS::Topic': {
      const topicArn = arn('sns', named('TopicName'));
      return { ref: topicArn, attributes: { TopicArn: topicArn, TopicName: named('TopicName') } };
    }
    case 'AWS::Lambda::Function': {
      const name = named('FunctionName');
      return { ref: name, attributes: { Arn: arn('lambda', `function:${name}`) } };
    }
    case 'AWS::Events::Rule': {
      const name = named('Name');
      const bus = props.EventBusName === undefined ? 'default' : String(resolve(props.EventBusName));
      const ruleArn = arn('events', `rule/${bus === 'default' ? '' : `${bus}/`}${name}`);
      return { ref: name, attributes: { Arn: ruleArn } };
    }
    default: {
      // Nothing local stands for it: a value that names it, and matches no ARN a call is authorised on.
      const placeholder = `local-unresolved:${scope.name}/${logicalId}`;
      return {
        ref: placeholder,
        attributes: new Proxy({}, { get: (_, key) => `${placeholder}.${String(key)}` }),
      };
    }
  }
};

const pseudo = (name: string, { region, accountId }: ResolverOptions): string | undefined =>
  ({
    'AWS::Region': region,
    'AWS::AccountId': accountId,
    'AWS::Partition': 'aws',
    'AWS::URLSuffix': 'amazonaws.com',
  })[name];

export const createResolver = (options: ResolverOptions) => {
  const physicalCache = new Map<string, Physical>();

  const physical = (scope: TemplateScope, logicalId: string): Physical => {
    const key = `${scope.name}/${logicalId}`;
    const cached = physicalCache.get(key);
    if (cached) return cached;
    const resource = scope.template.Resources?.[logicalId];
    if (!resource) throw new UnresolvableError(scope.name, { Ref: logicalId });
    const value =
      options.overrides?.(scope, logicalId) ??
      physicalOf(scope, logicalId, resource, options, (v) => resolve(scope, v));
    physicalCache.set(key, value);
    return value;
  };

  const ref = (scope: TemplateScope, name: string): Json => {
    const fromPseudo = pseudo(name, options);
    if (fromPseudo !== undefined) return fromPseudo;
    if (scope.template.Parameters?.[name] !== undefined) {
      const passed = scope.parent?.parameters[name];
      if (passed === undefined || !scope.parent) throw new UnresolvableError(scope.name, { Ref: name });
      return resolve(scope.parent.scope, passed);
    }
    return physical(scope, name).ref;
  };

  const getAtt = (scope: TemplateScope, logicalId: string, attribute: string): Json => {
    const nested = scope.nested.get(logicalId);
    if (nested && attribute.startsWith('Outputs.')) {
      const output = nested.template.Outputs?.[attribute.slice('Outputs.'.length)];
      if (!output) throw new UnresolvableError(scope.name, { 'Fn::GetAtt': [logicalId, attribute] });
      return resolve(nested, output.Value);
    }
    const value = physical(scope, logicalId).attributes[attribute];
    if (value === undefined)
      throw new UnresolvableError(scope.name, { 'Fn::GetAtt': [logicalId, attribute] });
    return value;
  };

  const sub = (scope: TemplateScope, text: string, variables: Record<string, Json>): string =>
    text.replace(/\$\{([^}!][^}]*)\}/g, (_, name: string) => {
      if (variables[name] !== undefined) return String(resolve(scope, variables[name]));
      const dot = name.indexOf('.');
      return String(dot > 0 ? getAtt(scope, name.slice(0, dot), name.slice(dot + 1)) : ref(scope, name));
    });

  const resolve = (scope: TemplateScope, value: Json): Json => {
    if (Array.isArray(value)) return value.map((item) => resolve(scope, item));
    if (value === null || typeof value !== 'object') return value;
    const keys = Object.keys(value);
    if (keys.length === 1) {
      const [key] = keys as [string];
      const argument = value[key];
      switch (key) {
        case 'Ref':
          return ref(scope, argument);
        case 'Fn::GetAtt': {
          const [logicalId, attribute] = typeof argument === 'string' ? argument.split(/\.(.*)/) : argument;
          return getAtt(scope, logicalId, attribute);
        }
        case 'Fn::Join': {
          const [separator, parts] = argument;
          return (resolve(scope, parts) as Json[]).join(separator);
        }
        case 'Fn::Sub':
          return typeof argument === 'string'
            ? sub(scope, argument, {})
            : sub(scope, argument[0], argument[1] ?? {});
        case 'Fn::Select': {
          const [index, list] = argument;
          return (resolve(scope, list) as Json[])[Number(resolve(scope, index))];
        }
        case 'Fn::Split': {
          const [separator, text] = argument;
          return String(resolve(scope, text)).split(separator);
        }
        default:
          if (key.startsWith('Fn::')) throw new UnresolvableError(scope.name, value);
      }
    }
    return Object.fromEntries(keys.map((key) => [key, resolve(scope, value[key])]));
  };

  return { resolve, physical };
};

export type Resolver = ReturnType<typeof createResolver>;
