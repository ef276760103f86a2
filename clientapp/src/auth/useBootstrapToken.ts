import { useCallback, useEffect, useState } from "react";
import type { AccountInfo, IPublicClientApplication } from "@azure/msal-browser";
import { useMsal } from "@azure/msal-react";
import type { Bootstrap } from "../bootstrap/bootstrapConfig";
import { browserNavigation } from "./browserNavigation";
import { decideErrorAction, describeAuthError, type AuthErrorDetails } from "./errorActions";
import { canAttemptFreshSpaCode, recordFreshSpaCodeAttempt } from "./freshSpaCodeGuard";
import { ssoSilentOnce } from "./classicSignIn";
import { acquireTokenSilently } from "./silentToken";
import { redeemSpaCodeOnce } from "./spaCodeRedemption";
import { chooseBootstrapStep, pickCachedAccount } from "./tokenBootstrapDecision";
import { measure, type TimelineStep } from "./tokenTimeline";

/** Where the token bootstrap stands; every state renders something (never a blank page). */
export type TokenBootstrapState =
  | { readonly status: "acquiring"; readonly timeline: readonly TimelineStep[] }
  | {
      readonly status: "redirecting";
      readonly destination: "sign-in" | "fresh-spa-code";
      readonly timeline: readonly TimelineStep[];
    }
  | { readonly status: "ready"; readonly account: AccountInfo; readonly timeline: readonly TimelineStep[] }
  | { readonly status: "error"; readonly details: AuthErrorDetails; readonly timeline: readonly TimelineStep[] };

type AcquisitionOutcome =
  | { readonly kind: "token"; readonly account: AccountInfo; readonly step: TimelineStep }
  | { readonly kind: "needs-sign-in" }
  | { readonly kind: "failed"; readonly error: unknown };

/**
 * Gets the SPA its first token: redeems the server's SPA code (once), else renews silently for the
 * cached account, else signs in with loginRedirect; failures go through the error → action table.
 * `retry` runs it again without the SPA code, which a first attempt has already spent.
 */
export function useBootstrapToken(
  bootstrap: Bootstrap,
  initialTimeline: readonly TimelineStep[],
): { readonly state: TokenBootstrapState; readonly retry: () => void } {
  const { instance } = useMsal();
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<TokenBootstrapState>({ status: "acquiring", timeline: initialTimeline });

  useEffect(() => {
    let cancelled = false;
    const spaCode = attempt === 0 ? bootstrap.spaCode : null;

    void acquireFirstToken(instance, bootstrap, spaCode).then((outcome) => {
      if (cancelled) {
        return;
      }
      const signInWithRedirect = (): void => {
        setState((previous) => ({ status: "redirecting", destination: "sign-in", timeline: previous.timeline }));
        instance
          .loginRedirect({
            scopes: [...bootstrap.scopes],
            ...(bootstrap.loginHint === null ? {} : { loginHint: bootstrap.loginHint }),
          })
          .catch((redirectError: unknown) => {
            if (!cancelled) {
              setState((previous) => ({
                status: "error",
                details: describeAuthError(redirectError),
                timeline: previous.timeline,
              }));
            }
          });
      };

      const followErrorAction = (failure: unknown): void => {
        const action = decideErrorAction(failure, {
          bootstrapByRedirect: bootstrap.bootstrapByRedirect,
          freshSpaCodeAllowed: canAttemptFreshSpaCode(window.sessionStorage, Date.now()),
        });
        switch (action.kind) {
          case "login-redirect":
            signInWithRedirect();
            return;
          case "fresh-spa-code":
            recordFreshSpaCodeAttempt(window.sessionStorage, Date.now());
            setState((previous) => ({ status: "redirecting", destination: "fresh-spa-code", timeline: previous.timeline }));
            browserNavigation.assign(bootstrap.freshSpaCodeUrl);
            return;
          case "show-error":
            setState((previous) => ({ status: "error", details: action.details, timeline: previous.timeline }));
            return;
        }
      };
      switch (outcome.kind) {
        case "token":
          setState((previous) => ({
            status: "ready",
            account: outcome.account,
            timeline: [...previous.timeline, outcome.step],
          }));
          return;
        case "needs-sign-in":
          signInWithRedirect();
          return;
        case "failed":
          followErrorAction(outcome.error);
          return;
      }
    });

    return () => {
      cancelled = true;
    };
  }, [instance, bootstrap, attempt]);

  const retry = useCallback(() => {
    setState((previous) => ({ status: "acquiring", timeline: previous.timeline }));
    setAttempt((previous) => previous + 1);
  }, []);

  return { state, retry };
}

async function acquireFirstToken(
  instance: IPublicClientApplication,
  bootstrap: Bootstrap,
  spaCode: string | null,
): Promise<AcquisitionOutcome> {
  const cachedAccount = pickCachedAccount(instance.getActiveAccount(), instance.getAllAccounts(), bootstrap.loginHint);
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
        return { kind: "token", account: result.account, step: { source: "spa-code", requests: 1, durationMs } };
      }
      case "silent": {
        const { value: result, durationMs } = await measure(() =>
          acquireTokenSilently(instance, step.account, bootstrap.scopes),
        );
        const account = result.account ?? step.account;
        instance.setActiveAccount(account);
        return {
          kind: "token",
          account,
          step: result.fromCache
            ? { source: "cache", requests: 0, durationMs }
            : { source: "refresh-token", requests: 1, durationMs },
        };
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
): Promise<AcquisitionOutcome> {
  try {
    const { result, durationMs } = await ssoSilentOnce(instance, loginHint, redirectUri, scopes);
    return { kind: "token", account: result.account, step: { source: "sso-silent", requests: 1, durationMs } };
  } catch {
    return { kind: "needs-sign-in" };
  }
}
