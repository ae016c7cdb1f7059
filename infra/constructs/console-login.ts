import { Duration } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import { signInRoutes } from '../../shared/console/sign-in/sign-in-routes';
import type { ConsoleLoginAuth } from './auth-settings';

export interface ConsoleLoginProps {
  readonly userPool: cognito.IUserPool;
  /** The user pool's managed-login domain (IdentityStack.loginDomain). */
  readonly domain: cognito.UserPoolDomain;
  /** The public address the browser comes back to (the distribution's); no trailing slash. */
  readonly publicUrl: string;
}

/**
 * How many hours a console session lasts. The session cookie holds the ID token itself and nothing
 * refreshes it, so it must outlast a conference day at the registration desk (set-up at 07:30 to the
 * last session's survey), or a person is signed out mid-queue; Cognito allows at most one day.
 */
export const CONSOLE_SESSION_HOURS = 10;

/**
 * The console's app client on Cognito's managed login: the authorization code grant with PKCE for a
 * public client (no secret: the function would have to keep one, and PKCE binds the code to the
 * browser's sign-in instead), back to `<publicUrl>/console/callback`, out to `/console/signed-out`.
 *
 * It lives beside the functions rather than in the identity stack because its callback names the
 * distribution, which the functions' stack holds; the identity stack referring to it would be a cycle.
 * Its tokens carry its own id in `aud`, so the console's functions verify against it (not the API's
 * SRP client) and an API token is no console session.
 */
export class ConsoleLogin extends Construct {
  readonly client: cognito.UserPoolClient;
  /** What the console's functions are told (CONSOLE_LOGIN_URL and the client their tokens must name). */
  readonly auth: ConsoleLoginAuth;

  constructor(scope: Construct, id: string, props: ConsoleLoginProps) {
    super(scope, id);
    this.client = new cognito.UserPoolClient(this, 'Client', {
      userPool: props.userPool,
      generateSecret: false,
      // Managed login signs people in with their password (SRP) and authenticator app; refresh tokens are
      // issued by the code grant but never kept.
      authFlows: { userSrp: true },
      oAuth: {
        flows: { authorizationCodeGrant: true, implicitCodeGrant: false, clientCredentials: false },
        scopes: [cognito.OAuthScope.OPENID, cognito.OAuthScope.EMAIL, cognito.OAuthScope.PROFILE],
        callbackUrls: [`${props.publicUrl}${signInRoutes.callback.path}`],
        logoutUrls: [`${props.publicUrl}${signInRoutes.signedOut.path}`],
      },
      supportedIdentityProviders: [cognito.UserPoolClientIdentityProvider.COGNITO],
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      idTokenValidity: Duration.hours(CONSOLE_SESSION_HOURS),
      // Neither is used: the access token is never sent anywhere, and the refresh token is dropped.
      accessTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.hours(CONSOLE_SESSION_HOURS),
    });
    // Managed login (version 2) shows an error page for a client with no style: Cognito's own look.
    new cognito.CfnManagedLoginBranding(this, 'Branding', {
      userPoolId: props.userPool.userPoolId,
      clientId: this.client.userPoolClientId,
      useCognitoProvidedValues: true,
    });
    this.auth = { userPool: props.userPool, client: this.client, loginUrl: props.domain.baseUrl() };
  }
}
