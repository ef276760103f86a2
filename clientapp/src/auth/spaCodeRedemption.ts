import type { AuthenticationResult, IPublicClientApplication } from "@azure/msal-browser";
import { measure } from "./tokenTimeline";

/** The outcome of redeeming one SPA code, shared by every caller that asks for that code. */
export interface SpaCodeRedemption {
  readonly result: AuthenticationResult;
  readonly durationMs: number;
}

// Module-level on purpose: the single-use code must reach /token once (a second POST is AADSTS54005), whoever asks for
// it — the start-up that redeems it before React exists, a retry, or React StrictMode running an effect twice.
const redemptions = new Map<string, Promise<SpaCodeRedemption>>();

/**
 * Redeems the server's hybrid SPA code with acquireTokenByCode exactly once per code. Later calls with the same code get
 * the first call's promise.
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
    ({ value: result, durationMs }) => ({ result, durationMs }),
  );
  redemptions.set(code, redemption);
  return redemption;
}
