import { useCallback, useEffect, useReducer } from "react";
import { InteractionStatus } from "@azure/msal-browser";
import { useMsal } from "@azure/msal-react";
import type { Bootstrap } from "../bootstrap/bootstrapConfig";
import { decideErrorAction, describeAuthError, type ErrorActionContext } from "./errorActions";
import { acquireFirstToken, type FirstTokenOutcome } from "./firstToken";
import { errorActionContextNow, goForFreshSpaCode, signInAgain } from "./tokenNavigations";
import {
  INITIAL_TOKEN_BOOTSTRAP_STATE,
  tokenBootstrapReducer,
  type TokenBootstrapEvent,
  type TokenBootstrapState,
} from "./tokenBootstrapState";

/**
 * Follows the page's first token to the screen: attempt 0 is the acquisition start-up began before React rendered
 * (`firstToken`); Retry runs another without the SPA code, which the first has spent. Failures go through the
 * error → action table; loginRedirect waits until msal-react reports no interaction in progress.
 */
export function useBootstrapToken(
  bootstrap: Bootstrap,
  firstToken: Promise<FirstTokenOutcome>,
): { readonly state: TokenBootstrapState; readonly retry: () => void } {
  const { instance, inProgress } = useMsal();
  const [state, dispatch] = useReducer(tokenBootstrapReducer, INITIAL_TOKEN_BOOTSTRAP_STATE);

  const acquiringAttempt = state.status === "acquiring" ? state.attempt : null;
  useEffect(() => {
    if (acquiringAttempt === null) {
      return;
    }
    let cancelled = false;
    const outcome = acquiringAttempt === 0 ? firstToken : acquireFirstToken(instance, bootstrap, null);
    void outcome.then((answer) => {
      if (!cancelled) {
        dispatch(eventFor(answer, errorActionContextNow(bootstrap, window.sessionStorage, Date.now())));
      }
    });
    return () => {
      cancelled = true;
    };
  }, [instance, bootstrap, firstToken, acquiringAttempt]);

  const redirectingTo = state.status === "redirecting" ? state.destination : null;
  useEffect(() => {
    if (redirectingTo !== "fresh-spa-code") {
      return;
    }
    goForFreshSpaCode(bootstrap, window.sessionStorage, Date.now());
  }, [redirectingTo, bootstrap]);

  useEffect(() => {
    if (redirectingTo !== "sign-in" || inProgress !== InteractionStatus.None) {
      return;
    }
    signInAgain(instance, bootstrap).catch((redirectError: unknown) => dispatch({ type: "failed", details: describeAuthError(redirectError) }));
  }, [redirectingTo, inProgress, instance, bootstrap]);

  const retry = useCallback(() => dispatch({ type: "retry-requested" }), []);
  return { state, retry };
}

/** An attempt's answer as a bootstrap event; a failure becomes what the error → action table says to do. */
function eventFor(outcome: FirstTokenOutcome, context: ErrorActionContext): TokenBootstrapEvent {
  switch (outcome.kind) {
    case "token":
      return { type: "token-acquired", account: outcome.account, steps: outcome.steps };
    case "needs-sign-in":
      return { type: "sign-in-required" };
    case "failed": {
      const action = decideErrorAction(outcome.error, context);
      switch (action.kind) {
        // A resource's challenge (retry-silently, claims-redirect) never comes from the first token; signing in answers any.
        case "login-redirect":
        case "retry-silently":
        case "claims-redirect":
          return { type: "sign-in-required" };
        case "fresh-spa-code":
          return { type: "fresh-spa-code-required" };
        case "show-error":
          return { type: "failed", details: action.details };
      }
    }
  }
}
