import { Duration, NestedStack, RemovalPolicy, Validations, type NestedStackProps } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import type { Construct } from 'constructs';
import type { RouteAuth } from '../wiring/types';
import { resourceNames } from '../constructs/names';
import { ContextKeys, isProductionStage, SettingsError, type Settings } from '../constructs/settings';

export interface IdentityStackProps extends NestedStackProps {
  readonly settings: Settings;
}

/** The Cognito groups a signed-in route may require (every RouteAuth but 'public'). */
export const UserGroups = ['organisers', 'comms'] as const satisfies readonly Exclude<RouteAuth, 'public'>[];

/** Words Cognito refuses in a domain prefix. */
const reservedInDomainPrefix = ['aws', 'amazon', 'cognito'] as const;

/**
 * The prefix of the console's sign-in domain (`<prefix>.auth.<region>.amazoncognito.com`): prefixes are
 * unique across every account in a region, so the account is in it beside the stage.
 */
export const loginDomainPrefix = (stage: string, account: string): string => {
  const reserved = reservedInDomainPrefix.find((word) => stage.includes(word));
  if (reserved) {
    throw new SettingsError(
      ContextKeys.stage,
      `names the sign-in domain, where Cognito refuses the word "${reserved}"`,
      stage,
    );
  }
  return `convene-${stage}-${account}`;
};

/**
 * Who may sign in: organisers and the comms team, in a Cognito user pool with one group each. The pool
 * holds accounts, so it lives apart from the API's nested stack, which changes with every function.
 */
export class IdentityStack extends NestedStack {
  readonly userPool: cognito.UserPool;
  readonly client: cognito.UserPoolClient;
  /** Cognito's managed login for the console, on a domain of Cognito's own (see ConsoleLogin for its client). */
  readonly loginDomain: cognito.UserPoolDomain;

  constructor(scope: Construct, id: string, props: IdentityStackProps) {
    super(scope, id, props);
    const production = isProductionStage(props.settings.stage);

    this.userPool = new cognito.UserPool(this, 'UserPool', {
      userPoolName: resourceNames(props.settings.stage).userPool,
      // Staff accounts are created by an administrator; delegates never have one.
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      autoVerify: { email: true },
      standardAttributes: { email: { required: true, mutable: true } },
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      // Organisers see delegates' personal data: a second factor, by authenticator app (no SMS role needed).
      mfa: cognito.Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
      featurePlan: cognito.FeaturePlan.ESSENTIALS,
      deletionProtection: production,
      removalPolicy: production ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    Validations.of(this.userPool).acknowledge({
      id: 'AwsSolutions-COG8',
      reason:
        'The Plus tier bills per active user for threat protection; staff accounts are few, admin-created, ' +
        'and sign in with a required TOTP second factor and a 12-character password policy.',
    });

    UserGroups.forEach((groupName, precedence) => {
      new cognito.UserPoolGroup(this, `Group-${groupName}`, {
        userPool: this.userPool,
        groupName,
        precedence,
      });
    });

    // A public client (no secret) for the organisers' and comms team's browser app, signing in with SRP.
    this.client = this.userPool.addClient('AppClient', {
      authFlows: { userSrp: true },
      generateSecret: false,
      disableOAuth: true,
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      accessTokenValidity: Duration.hours(1),
      idTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.days(30),
    });

    // Managed login (version 2) serves every app client on this domain; the console's client, which needs
    // the public address for its callback, is made beside the functions (ConsoleLogin in the API stack).
    this.loginDomain = this.userPool.addDomain('LoginDomain', {
      cognitoDomain: { domainPrefix: loginDomainPrefix(props.settings.stage, this.account) },
      managedLoginVersion: cognito.ManagedLoginVersion.NEWER_MANAGED_LOGIN,
    });
  }
}
