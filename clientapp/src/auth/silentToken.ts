import type { AccountInfo, AuthenticationResult, IPublicClientApplication } from "@azure/msal-browser";
import { SILENT_CACHE_LOOKUP_POLICY } from "../authConfig";
import type { SilentRetry } from "./errorActions";

/**
 * acquireTokenSilent as this app always calls it: cache, then the SPA refresh token, and never the
 * hidden iframe (so blocked third-party cookies cannot break renewal; an expired refresh token
 * surfaces as an error the error → action table handles). A retry after a resource refused the token skips the cached
 * access token: it carries the resource's claims, or asks for a fresh token.
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
    cacheLookupPolicy: SILENT_CACHE_LOOKUP_POLICY,
    ...retry,
  });
}
