import type { AccountInfo, AuthenticationResult, IPublicClientApplication } from "@azure/msal-browser";
import { acquireTokenSilently, HANDLE_REDIRECT_OPTIONS } from "../authConfig";
import type { Bootstrap } from "../bootstrap/bootstrapConfig";
import { returnToWhereTheUserWas } from "./claimsRedirect";

/**
 * Where a token came from: the server's SPA code, MSAL's cache, a refresh-token grant, a sign-in redirect, or
 * (classic bootstrap only) ssoSilent through a hidden iframe.
 */
export type TokenSource = "spa-code" | "cache" | "refresh-token" | "redirect" | "sso-silent";

/** One step of "how this token was obtained". */
export interface TimelineStep {
  readonly source: TokenSource;
  /** Requests this step sent to the identity provider's /token endpoint. */
  readonly requests: number;
  /** Wall-clock time of the step, measured with performance.now(). */
  readonly durationMs: number;
}

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
  let signIn: MeasuredRequest;
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

/** The first thing the SPA does to get a token, in order of preference. */
export type BootstrapStep =
  | { readonly kind: "redeem-spa-code"; readonly code: string }
  | { readonly kind: "silent"; readonly account: AccountInfo }
  | { readonly kind: "sso-silent"; readonly loginHint: string; readonly redirectUri: string }
  | { readonly kind: "login-redirect" };

/**
 * A SPA code from the server wins (it is single-use and only this render has it); otherwise the
 * cached account renews silently; with neither, a server that requested no SPA code (the classic
 * bootstrap) gets a second, silent sign-in through a hidden iframe for the user it signed in; else
 * (or when the server could not get a SPA code and nothing is cached yet) the user signs in with loginRedirect.
 */
export function chooseBootstrapStep(input: {
  readonly spaCode: string | null;
  readonly cachedAccount: AccountInfo | null;
  readonly spaCodeRequested: boolean;
  readonly loginHint: string | null;
  readonly silentRedirectUri: string | null;
}): BootstrapStep {
  if (input.spaCode !== null) {
    return { kind: "redeem-spa-code", code: input.spaCode };
  }
  if (input.cachedAccount !== null) {
    return { kind: "silent", account: input.cachedAccount };
  }
  if (!input.spaCodeRequested && input.loginHint !== null && input.silentRedirectUri !== null) {
    return { kind: "sso-silent", loginHint: input.loginHint, redirectUri: input.silentRedirectUri };
  }
  return { kind: "login-redirect" };
}

/**
 * The account to renew silently: the active one, else the only cached one, else the one the
 * server's login hint names. Several accounts and no match means none: sign in with the hint.
 */
export function pickCachedAccount(
  activeAccount: AccountInfo | null,
  cachedAccounts: readonly AccountInfo[],
  loginHint: string | null,
): AccountInfo | null {
  if (activeAccount !== null) {
    return activeAccount;
  }
  if (cachedAccounts.length === 1) {
    return cachedAccounts[0] ?? null;
  }
  if (loginHint === null) {
    return null;
  }
  const hint = loginHint.toLowerCase();
  return (
    cachedAccounts.find(
      (account) => account.loginHint?.toLowerCase() === hint || account.username.toLowerCase() === hint,
    ) ?? null
  );
}

/** A token request that runs once per page, and how long it took; shared by every caller that asks for the same key. */
interface MeasuredRequest {
  readonly result: AuthenticationResult;
  readonly durationMs: number;
}

// Module-level on purpose: the single-use code must reach /token once (a second POST is AADSTS54005), whoever asks for
// it — the start-up that redeems it before React exists, a retry, or React StrictMode running an effect twice.
const redemptions = new Map<string, Promise<MeasuredRequest>>();
// Each ssoSilent is a hidden iframe plus a token request; one per user per page load is what the classic bootstrap costs.
const classicSignIns = new Map<string, Promise<MeasuredRequest>>();

/**
 * Redeems the server's hybrid SPA code with acquireTokenByCode exactly once per code. Later calls with the same code get
 * the first call's promise.
 */
export function redeemSpaCodeOnce(
  instance: IPublicClientApplication,
  code: string,
  scopes: readonly string[],
): Promise<MeasuredRequest> {
  return once(redemptions, code, () => instance.acquireTokenByCode({ code, scopes: [...scopes] }));
}

/**
 * The classic bootstrap (the server requested no SPA code): signs the server's user in a second time with
 * ssoSilent in a hidden iframe that lands on `redirectUri`, once per login hint per page.
 */
function ssoSilentOnce(
  instance: IPublicClientApplication,
  loginHint: string,
  redirectUri: string,
  scopes: readonly string[],
): Promise<MeasuredRequest> {
  return once(classicSignIns, loginHint, () => instance.ssoSilent({ loginHint, redirectUri, scopes: [...scopes] }));
}

function once(
  requests: Map<string, Promise<MeasuredRequest>>,
  key: string,
  request: () => Promise<AuthenticationResult>,
): Promise<MeasuredRequest> {
  const pending = requests.get(key);
  if (pending !== undefined) {
    return pending;
  }
  const measured = measure(request).then(({ value: result, durationMs }) => ({ result, durationMs }));
  requests.set(key, measured);
  return measured;
}

/** Measures an async step with performance.now(). */
async function measure<T>(work: () => Promise<T>): Promise<{ value: T; durationMs: number }> {
  const startedAt = performance.now();
  const value = await work();
  return { value, durationMs: performance.now() - startedAt };
}

/**
 * Resolves in a later task. MSAL's acquireTokenByCode reaches fetch() through promise continuations only (microtasks), so
 * once a task has passed the token request has left: what the request does not need waits for this (the UI chunk's import,
 * whose start-up and parse on a second thread, which a two-core machine shares, used to land before the fetch()).
 * A message rather than setTimeout: browsers hold back timers in a tab opened in the background, by up to a second.
 */
export const nextTask = (): Promise<void> =>
  new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
