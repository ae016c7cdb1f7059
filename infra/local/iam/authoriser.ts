import { runSimulation } from '@cloud-copilot/iam-simulate';
import { withoutGrant, type PolicyModel } from './policy-model';
import type { Permission } from '../../iam/sdk-permissions';

export type Decision = { readonly allowed: true } | { readonly allowed: false; readonly message: string };

/** The session a Lambda function's calls are made as: its role, assumed with the function's name. */
export const sessionArnOf = (roleArn: string, functionName: string): string => {
  const [, account, , roleName] = /^arn:aws:iam::(\d+):role\/(.*\/)?([^/]+)$/.exec(roleArn) ?? [];
  return `arn:aws:sts::${account}:assumed-role/${roleName}/${functionName}`;
};

/**
 * Decides a function's permissions with @cloud-copilot/iam-simulate against the role policies and resource
 * policies the CDK app synthesizes. Decisions are memoised (the same call is decided once per stack), so
 * the check adds next to nothing to a benchmark after its first few requests.
 */
export class IamAuthoriser {
  private readonly decisions = new Map<string, Promise<Decision>>();
  private model: PolicyModel;

  constructor(private readonly synthesized: PolicyModel) {
    this.model = synthesized;
  }

  /** Takes an action away from a function's policies ('*': every function's) until restore(). */
  withdraw(functionName: string, action: string): void {
    this.model = withoutGrant(this.model, functionName, action);
    this.decisions.clear();
  }

  /** Back to the synthesized policies. */
  restore(): void {
    this.model = this.synthesized;
    this.decisions.clear();
  }

  /** Whether the wiring has this function (a call naming another is a bug of the local stack). */
  knows(functionName: string): boolean {
    return this.model.functions[functionName] !== undefined;
  }

  decide(functionName: string, permission: Permission): Promise<Decision> {
    const key = JSON.stringify([functionName, permission.action, permission.resource, permission.context]);
    let decision = this.decisions.get(key);
    if (!decision) {
      decision = this.simulate(functionName, permission);
      this.decisions.set(key, decision);
    }
    return decision;
  }

  private async simulate(functionName: string, { action, resource, context }: Permission): Promise<Decision> {
    const fn = this.model.functions[functionName];
    if (!fn) throw new Error(`No function ${functionName} in the synthesized app`);
    const principal = sessionArnOf(fn.roleArn, functionName);
    const resourcePolicy = this.model.resourcePolicies[resource];
    const result = await runSimulation(
      {
        request: {
          principal,
          action,
          resource: { resource, accountId: this.model.accountId },
          contextVariables: {
            // The SDK reaches AWS over TLS; a policy that denies plain HTTP must not fire on loopback.
            'aws:SecureTransport': 'true',
            'aws:PrincipalArn': fn.roleArn,
            'aws:PrincipalAccount': this.model.accountId,
            'aws:RequestedRegion': this.model.region,
            ...context,
          },
        },
        identityPolicies: fn.policies.map(({ name, document }) => ({ name, policy: document })),
        serviceControlPolicies: [],
        resourceControlPolicies: [],
        ...(resourcePolicy ? { resourcePolicy } : {}),
      },
      {},
    );
    if (result.resultType === 'error') {
      throw new Error(`IAM simulation of ${action} on ${resource} failed: ${JSON.stringify(result.errors)}`);
    }
    if (result.overallResult === 'Allowed') return { allowed: true };
    const why =
      result.overallResult === 'ExplicitlyDenied'
        ? `with an explicit deny in a policy`
        : `because no identity-based policy allows the ${action} action`;
    // The sentence AWS answers with, so a log line reads the same in both worlds.
    return {
      allowed: false,
      message: `User: ${principal} is not authorized to perform: ${action} on resource: ${resource} ${why}`,
    };
  }
}
