import { Stack } from 'aws-cdk-lib';
import type * as cognito from 'aws-cdk-lib/aws-cognito';
import type { IConstruct } from 'constructs';
import { EnvNames, type EnvName } from '../../shared/config/env';

/** The user pool whose tokens signed-in routes accept, and the app client they must be issued to. */
export interface UserPoolAuth {
  readonly userPool: cognito.IUserPool;
  readonly client: cognito.IUserPoolClient;
}

/** The console's sign-in: its own app client of the pool, and where Cognito's managed login answers. */
export interface ConsoleLoginAuth extends UserPoolAuth {
  /** `https://<prefix>.auth.<region>.amazoncognito.com`: /oauth2/authorize, /oauth2/token and /logout. */
  readonly loginUrl: string;
}

export interface AuthTarget extends IConstruct {
  addEnvironment(name: EnvName, value: string): unknown;
}

/**
 * Points a function behind a signed-in route at the user pool its tokens come from (read by
 * shared/adapters/jwt-verifier.ts). No IAM: the pool's JWKS is public.
 */
export const bindUserPool = (fn: AuthTarget, auth: UserPoolAuth): void => {
  // Cognito's issuer; its keys are published under it.
  const issuer = `https://cognito-idp.${Stack.of(fn).region}.amazonaws.com/${auth.userPool.userPoolId}`;
  fn.addEnvironment(EnvNames.jwtIssuer, issuer);
  fn.addEnvironment(EnvNames.jwtJwksUri, `${issuer}/.well-known/jwks.json`);
  fn.addEnvironment(EnvNames.jwtClientId, auth.client.userPoolClientId);
};

/**
 * Points a console function at the console's client: its session cookie holds an ID token of that client
 * (an API token names another in `aud`, and is refused), and its sign-in goes to the managed login
 * (read by shared/adapters/cognito-login.ts). No IAM: the token endpoint takes a public client's code.
 */
export const bindConsoleLogin = (fn: AuthTarget, auth: ConsoleLoginAuth): void => {
  bindUserPool(fn, auth);
  fn.addEnvironment(EnvNames.consoleLoginUrl, auth.loginUrl);
};
