import type { AccountInfo, IPublicClientApplication } from "@azure/msal-browser";
import { HANDLE_REDIRECT_OPTIONS } from "../authConfig";
import { nextTask } from "../nextTask";
import type { Bootstrap } from "../bootstrap/bootstrapConfig";
import { returnToWhereTheUserWas } from "./claimsRedirect";
import { ssoSilentOnce } from "./classicSignIn";
import { acquireTokenSilently } from "./silentToken";
import { redeemSpaCodeOnce } from "./spaCodeRedemption";
import { chooseBootstrapStep, pickCachedAccount } from "./tokenBootstrapDecision";
import { measure, type TimelineStep } from "./tokenTimeline";

/** How an attempt to get the page's first token ended. */
export type FirstTokenOutcome =
  | { readonly kind: "token"; readonly account: AccountInfo; readonly steps: readonly TimelineStep[] }
  /** Nothing silent can work: the UI signs in with loginRedirect once msal-react says no interaction is in progress. */
  | { readonly kind: "needs-sign-in" }
  | { readonly kind: "failed"; readonly error: unknown };

/**
 * Starts getting the page's first token right after MSAL's initialize(), before any React code is evaluated. A SPA code
 * is redeemed at once: a page that carries one was rendered by the server's sign-in, never by a loginRedirect's return, so
 * its redirect handling waits until the token request has left.
 * Without one, the redirect response (if this load is one) is handled first, since it may bring the account to renew.
 * This is the only handleRedirectPromise call the app makes; MsalProvider's own call gets MSAL's memoized promise.
 */
export function startFirstToken(instance: IPublicClientApplication, bootstrap: Bootstrap): Promise<FirstTokenOutcome> {
  const handleRedirect = () => measure(() => instance.handleRedirectPromise(HANDLE_REDIRECT_OPTIONS));
  if (bootstrap.spaCode !== null) {
    const firstToken = acquireFirstToken(instance, bootstrap, bootstrap.spaCode);
    // The redemption does not depend on it: it runs once the token request has left, not interleaved with its building, and
    // reports its own failures through MSAL's events.
    void nextTask()
      .then(handleRedirect)
      .catch(() => undefined);
    return firstToken;
  }
  return handleRedirect().then(
    async ({ value: redirectResult, durationMs }) => {
      if (redirectResult === null || redirectResult.account === null) {
        return acquireFirstToken(instance, bootstrap, null);
      }
      makeActive(instance, redirectResult.account);
      returnToWhereTheUserWas(window);
      const redirectStep: TimelineStep = { source: "redirect", requests: 1, durationMs };
      const renewal = await acquireFirstToken(instance, bootstrap, null);
      return renewal.kind === "token" ? { ...renewal, steps: [redirectStep, ...renewal.steps] } : renewal;
    },
    (error: unknown): FirstTokenOutcome => ({ kind: "failed", error }),
  );
}

/**
 * One attempt: redeem the SPA code if there is one, else renew silently for the cached account, else (classic bootstrap)
 * sign in again through ssoSilent; `needs-sign-in` when none applies. Never interactive, never throws.
 */
export async function acquireFirstToken(
  instance: IPublicClientApplication,
  bootstrap: Bootstrap,
  spaCode: string | null,
): Promise<FirstTokenOutcome> {
  // A SPA code wins whatever is cached (chooseBootstrapStep), so the cache is not read before its token request.
  const cachedAccount =
    spaCode === null ? pickCachedAccount(instance.getActiveAccount(), instance.getAllAccounts(), bootstrap.loginHint) : null;
  const step = chooseBootstrapStep({
    spaCode,
    cachedAccount,
    spaCodeRequested: bootstrap.spaCodeRequested,
    loginHint: bootstrap.loginHint,
    silentRedirectUri: bootstrap.silentRedirectUri,
  });
  try {
    switch (step.kind) {
      case "redeem-spa-code": {
        const { result, durationMs } = await redeemSpaCodeOnce(instance, step.code, bootstrap.scopes);
        if (result.account === null) {
          return { kind: "failed", error: new Error("The token response for the SPA code carried no account (no id_token).") };
        }
        return tokenFor(instance, result.account, { source: "spa-code", requests: 1, durationMs });
      }
      case "silent": {
        const { value: result, durationMs } = await measure(() =>
          acquireTokenSilently(instance, step.account, bootstrap.scopes),
        );
        return tokenFor(
          instance,
          result.account ?? step.account,
          result.fromCache ? { source: "cache", requests: 0, durationMs } : { source: "refresh-token", requests: 1, durationMs },
        );
      }
      case "sso-silent":
        return await signInAgainThroughIframe(instance, step.loginHint, step.redirectUri, bootstrap.scopes);
      case "login-redirect":
        return { kind: "needs-sign-in" };
    }
  } catch (error) {
    return { kind: "failed", error };
  }
}

/**
 * The classic bootstrap: ssoSilent for the user the server signed in. Whatever stops it (third-party cookies
 * blocked → login_required, consent, a timeout) ends in loginRedirect with the same hint, as MSAL.js advises.
 */
async function signInAgainThroughIframe(
  instance: IPublicClientApplication,
  loginHint: string,
  redirectUri: string,
  scopes: readonly string[],
): Promise<FirstTokenOutcome> {
  let signIn: Awaited<ReturnType<typeof ssoSilentOnce>>;
  try {
    signIn = await ssoSilentOnce(instance, loginHint, redirectUri, scopes);
  } catch {
    return { kind: "needs-sign-in" };
  }
  return tokenFor(instance, signIn.result.account, { source: "sso-silent", requests: 1, durationMs: signIn.durationMs });
}

function tokenFor(instance: IPublicClientApplication, account: AccountInfo, step: TimelineStep): FirstTokenOutcome {
  makeActive(instance, account);
  return { kind: "token", account, steps: [step] };
}

/** The one place the SPA sets MSAL's active account: the account of the token it got, however it got it. */
function makeActive(instance: IPublicClientApplication, account: AccountInfo): void {
  instance.setActiveAccount(account);
}
