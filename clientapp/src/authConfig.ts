import {
  BrowserCacheLocation,
  CacheLookupPolicy,
  LogLevel,
  type AccountInfo,
  type AuthenticationResult,
  type Configuration,
  type IPublicClientApplication,
} from "@azure/msal-browser";
import type { SilentRetry } from "./auth/errorActions";
import type { Bootstrap } from "./bootstrap/bootstrapConfig";

/**
 * The one place the SPA turns the server's bootstrap data into MSAL configuration, and the one way it asks MSAL silently.
 * Authority metadata and known authorities come from the server, so MSAL.js makes no discovery
 * request; no option here makes MSAL create a hidden iframe or use a platform broker. Only the classic
 * bootstrap (no SPA code) calls ssoSilent: its iframe lands on the server's empty silent-callback page,
 * whose URL MSAL reads from here (legacy polling) instead of needing a script there.
 */
export function createMsalConfiguration(bootstrap: Bootstrap): Configuration {
  return {
    auth: {
      clientId: bootstrap.clientId,
      authority: bootstrap.authority,
      knownAuthorities: [...bootstrap.knownAuthorities],
      ...(bootstrap.authorityMetadata === null ? {} : { authorityMetadata: bootstrap.authorityMetadata }),
      redirectUri: bootstrap.redirectUri,
      postLogoutRedirectUri: bootstrap.redirectUri,
      // CAE: tokens may outlive a revocation, so Graph sends a claims challenge the SPA answers (graph/graphClient.ts).
      clientCapabilities: [...CLIENT_CAPABILITIES],
    },
    cache: {
      cacheLocation: BrowserCacheLocation.SessionStorage,
    },
    system: {
      allowPlatformBroker: false,
      ...(bootstrap.spaCodeRequested ? {} : { enableLegacyPolling: true }),
      loggerOptions: {
        logLevel: LogLevel.Warning,
        piiLoggingEnabled: false,
        loggerCallback: (level, message, containsPii) => {
          if (containsPii) {
            return;
          }
          if (level === LogLevel.Error) {
            console.error(message);
          } else if (level === LogLevel.Warning) {
            console.warn(message);
          }
        },
      },
    },
  };
}

/** "CP1": this client handles claims challenges, so Entra may issue it long-lived, revocable (CAE) tokens. */
export const CLIENT_CAPABILITIES = ["CP1"] as const;

/** Same-page redirect URI: after loginRedirect, stay on the page that handles the response. */
export const HANDLE_REDIRECT_OPTIONS = { navigateToLoginRequestUrl: false } as const;

/**
 * acquireTokenSilent as this app always calls it: cached access token, then the SPA refresh token, and never the
 * hidden-iframe fallback the Default policy tries once the refresh token has expired (so blocked third-party cookies cannot
 * break renewal; an expired refresh token surfaces as an error the error → action table handles). A retry after a resource
 * refused the token skips the cached access token: it carries the resource's claims, or asks for a fresh token.
 */
export function acquireTokenSilently(
  instance: IPublicClientApplication,
  account: AccountInfo,
  scopes: readonly string[],
  retry: SilentRetry | null = null,
): Promise<AuthenticationResult> {
  return instance.acquireTokenSilent({
    account,
    scopes: [...scopes],
    cacheLookupPolicy: CacheLookupPolicy.AccessTokenAndRefreshToken,
    ...retry,
  });
}
