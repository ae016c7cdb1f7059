/**
 * What the local IAM check evaluates against: each function's role with its identity policies, and the
 * resource policies, exactly as the CDK app synthesizes them, resolved into the local stack's ARNs.
 * Kept as plain JSON so one synthesis serves every test file and `npm start` (policy-cache.ts).
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- IAM policy documents, passed to the simulator as they are
export type PolicyDocument = any;

export interface FunctionPolicies {
  /** The role the function runs as. */
  readonly roleArn: string;
  readonly policies: readonly { readonly name: string; readonly document: PolicyDocument }[];
}

export interface PolicyModel {
  readonly region: string;
  readonly accountId: string;
  readonly stage: string;
  readonly functions: Readonly<Record<string, FunctionPolicies>>;
  /** Resource policies (queue policies, secret and bus policies) by the ARN of their resource. */
  readonly resourcePolicies: Readonly<Record<string, PolicyDocument>>;
  /** The link-signing key's ARN, which CloudFormation would generate; the local Secrets Manager holds it. */
  readonly tokenKeySecretArn: string;
  /** The role schedules run as; functions pass it when they create schedules. */
  readonly schedulerRoleArn: string;
}

/** The table's name varies per local stack (each test file has its own): the model holds this in its place. */
export const TABLE_NAME_PLACEHOLDER = '{{convene-table}}';

/** The model with the placeholder table name replaced by this stack's. */
export const withTableName = (model: PolicyModel, tableName: string): PolicyModel =>
  JSON.parse(JSON.stringify(model).replaceAll(TABLE_NAME_PLACEHOLDER, tableName)) as PolicyModel;

/** A policy document without one action: what a grant's removal leaves (for tests that take one away). */
export const withoutAction = (document: PolicyDocument, action: string): PolicyDocument => ({
  ...document,
  Statement: [document.Statement]
    .flat()
    .map((statement: { Action?: string | string[] }) => ({
      ...statement,
      Action: [statement.Action ?? []].flat().filter((a) => a !== action),
    }))
    .filter((statement: { Action: string[] }) => statement.Action.length > 0),
});

/** The model with an action taken from one function's policies (or every function's, with '*'). */
export const withoutGrant = (model: PolicyModel, functionName: string, action: string): PolicyModel => ({
  ...model,
  functions: Object.fromEntries(
    Object.entries(model.functions).map(([name, fn]) => [
      name,
      functionName === '*' || functionName === name
        ? { ...fn, policies: fn.policies.map((p) => ({ ...p, document: withoutAction(p.document, action) })) }
        : fn,
    ]),
  ),
});
