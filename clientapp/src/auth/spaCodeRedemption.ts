import type { AuthenticationResult, IPublicClientApplication } from "@azure/msal-browser";
import { measure } from "./tokenTimeline";

/** The outcome of redeeming one SPA code, shared by every caller that asks for that code. */
export interface SpaCodeRedemption {
  readonly result: AuthenticationResult;
  readonly durationMs: number;
}

// Module-level on purpose: React StrictMode mounts, unmounts and mounts effects again, and the
// single-use code must reach /token once (a second POST is AADSTS54005), whatever the component tree does.
const redemptions = new Map<string, Promise<SpaCodeRedemption>>();

/**
 * Redeems the server's hybrid SPA code with acquireTokenByCode exactly once per code and makes the
 * returned account the active one. Later calls with the same code get the first call's promise.
 */
export function redeemSpaCodeOnce(
  instance: IPublicClientApplication,
  code: string,
  scopes: readonly string[],
): Promise<SpaCodeRedemption> {
  const pending = redemptions.get(code);
  if (pending !== undefined) {
    return pending;
  }
  const redemption = measure(() => instance.acquireTokenByCode({ code, scopes: [...scopes] })).then(
    ({ value: result, durationMs }) => {
      if (result.account !== null) {
        instance.setActiveAccount(result.account);
      }
      return { result, durationMs };
    },
  );
  redemptions.set(code, redemption);
  return redemption;
}
