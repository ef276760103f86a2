import { useCallback } from "react";
import type { AccountInfo } from "@azure/msal-browser";
import { useMsal } from "@azure/msal-react";
import { useBootstrap } from "../bootstrap/BootstrapContext";
import { redirectWithClaims } from "./claimsRedirect";
import { decideErrorAction, describeAuthError, type AuthErrorDetails } from "./errorActions";
import { errorActionContextNow, goForFreshSpaCode, signInAgain } from "./tokenNavigations";

/** How a caller's token error ended: the page is leaving to fix it, or the error card shows it. */
export type TokenErrorOutcome = { readonly kind: "redirecting" } | { readonly kind: "show-error"; readonly details: AuthErrorDetails };

/**
 * For callers after the first token (the Graph profile): acts on a token error as the error → action table says — a trip
 * for a fresh SPA code, loginRedirect, or acquireTokenRedirect with a claims challenge's claims — and says what to show.
 */
export function useTokenErrorAction(account: AccountInfo): (error: unknown) => Promise<TokenErrorOutcome> {
  const { instance } = useMsal();
  const bootstrap = useBootstrap();
  return useCallback(
    async (error: unknown): Promise<TokenErrorOutcome> => {
      const now = Date.now();
      const action = decideErrorAction(error, errorActionContextNow(bootstrap, window.sessionStorage, now));
      try {
        switch (action.kind) {
          case "fresh-spa-code":
            goForFreshSpaCode(bootstrap, window.sessionStorage, now);
            return { kind: "redirecting" };
          case "login-redirect":
            await signInAgain(instance, bootstrap);
            return { kind: "redirecting" };
          case "claims-redirect":
            await redirectWithClaims(
              instance,
              { account, scopes: bootstrap.scopes, claims: action.claims, loginHint: bootstrap.loginHint },
              window,
            );
            return { kind: "redirecting" };
          case "retry-silently":
            // The Graph client makes the one silent retry itself; an error that still asks for it is shown.
            return { kind: "show-error", details: describeAuthError(error) };
          case "show-error":
            return { kind: "show-error", details: action.details };
        }
      } catch (redirectError) {
        return { kind: "show-error", details: describeAuthError(redirectError) };
      }
    },
    [instance, bootstrap, account],
  );
}
