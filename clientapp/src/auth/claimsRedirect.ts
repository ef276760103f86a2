import type { AccountInfo, IPublicClientApplication } from "@azure/msal-browser";
import { automaticTripGuard } from "./automaticTripGuard";

/** At most one automatic claims-challenge redirect in this window: an identity provider that keeps asking gets a card. */
export const CLAIMS_REDIRECT_MIN_INTERVAL_MS = 5 * 60 * 1000;

const guard = automaticTripGuard("hybridspa.claimsRedirect.lastAttemptAt", CLAIMS_REDIRECT_MIN_INTERVAL_MS);
/** Where the user was when the claims redirect left: MSAL's redirect returns to the redirect URI, not there. */
const RETURN_TO_KEY = "hybridspa.claimsRedirect.returnTo";

/** Whether the SPA may redirect for a claims challenge now. */
export const canRedirectWithClaims = guard.canAttempt;
/** Forgets the last claims redirect (on sign-out, so the next user starts fresh). */
export const forgetClaimsRedirects = guard.forget;

export interface ClaimsRedirectRequest {
  readonly account: AccountInfo;
  readonly scopes: readonly string[];
  /** The claims JSON the resource asked for (decoded from its challenge). */
  readonly claims: string;
  readonly loginHint: string | null;
}

/**
 * Interactive answer to a claims challenge silent renewal could not satisfy: acquireTokenRedirect carrying the claims and
 * the login hint (the same user returns), after remembering where the user was and that a redirect started now.
 */
export function redirectWithClaims(instance: IPublicClientApplication, request: ClaimsRedirectRequest, win: Window): Promise<void> {
  guard.record(win.sessionStorage, Date.now());
  try {
    win.sessionStorage.setItem(RETURN_TO_KEY, win.location.pathname + win.location.search + win.location.hash);
  } catch {
    // Without storage the page comes back to the redirect URI, which renders the same app.
  }
  return instance.acquireTokenRedirect({
    account: request.account,
    scopes: [...request.scopes],
    claims: request.claims,
    ...(request.loginHint === null ? {} : { loginHint: request.loginHint }),
  });
}

/**
 * After a redirect's response was handled: puts back the path, query and fragment the claims redirect left from (same
 * origin only; whatever is stored is read once and forgotten).
 */
export function returnToWhereTheUserWas(win: Window): void {
  let returnTo: string | null;
  try {
    returnTo = win.sessionStorage.getItem(RETURN_TO_KEY);
    win.sessionStorage.removeItem(RETURN_TO_KEY);
  } catch {
    return;
  }
  if (returnTo === null || !returnTo.startsWith("/") || returnTo.startsWith("//") || returnTo.startsWith("/\\")) {
    return;
  }
  const target = new URL(returnTo, win.location.origin);
  if (target.origin === win.location.origin) {
    win.history.replaceState(win.history.state, "", target.pathname + target.search + target.hash);
  }
}
