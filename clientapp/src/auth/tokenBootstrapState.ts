import type { AccountInfo } from "@azure/msal-browser";
import type { AuthErrorDetails } from "./errorActions";
import type { TimelineStep } from "./firstToken";

/**
 * Where the page's token bootstrap stands; every state renders something (never a blank page). `attempt` counts the
 * acquisitions: 0 is the one started before React rendered, each Retry adds one (and goes without the spent SPA code).
 */
export type TokenBootstrapState =
  | { readonly status: "acquiring"; readonly attempt: number; readonly timeline: readonly TimelineStep[] }
  | {
      readonly status: "redirecting";
      readonly destination: "sign-in" | "fresh-spa-code";
      readonly attempt: number;
      readonly timeline: readonly TimelineStep[];
    }
  | {
      readonly status: "ready";
      readonly account: AccountInfo;
      readonly attempt: number;
      readonly timeline: readonly TimelineStep[];
    }
  | {
      readonly status: "error";
      readonly details: AuthErrorDetails;
      readonly attempt: number;
      readonly timeline: readonly TimelineStep[];
    };

/** What can happen to the bootstrap. */
export type TokenBootstrapEvent =
  | { readonly type: "token-acquired"; readonly account: AccountInfo; readonly steps: readonly TimelineStep[] }
  | { readonly type: "sign-in-required" }
  | { readonly type: "fresh-spa-code-required" }
  | { readonly type: "failed"; readonly details: AuthErrorDetails }
  | { readonly type: "retry-requested" };

/** The state before the first attempt has an answer. */
export const INITIAL_TOKEN_BOOTSTRAP_STATE: TokenBootstrapState = { status: "acquiring", attempt: 0, timeline: [] };

/**
 * The bootstrap's transitions; any other event leaves the state as it is (a late answer after a redirect has started,
 * a Retry while acquiring). Pure: tokenBootstrapState.test.ts lists every pair.
 */
export function tokenBootstrapReducer(state: TokenBootstrapState, event: TokenBootstrapEvent): TokenBootstrapState {
  const { attempt, timeline } = state;
  switch (state.status) {
    case "acquiring":
      return answerTo(state, event);
    case "redirecting":
      // loginRedirect can fail before it navigates; a top-level navigation cannot report back.
      return state.destination === "sign-in" && event.type === "failed"
        ? { status: "error", details: event.details, attempt, timeline }
        : state;
    case "error":
      return event.type === "retry-requested" ? { status: "acquiring", attempt: attempt + 1, timeline } : state;
    case "ready":
      return state;
  }
}

/** What an attempt's answer turns "acquiring" into. */
function answerTo(state: TokenBootstrapState & { readonly status: "acquiring" }, event: TokenBootstrapEvent): TokenBootstrapState {
  const { attempt, timeline } = state;
  switch (event.type) {
    case "token-acquired":
      return { status: "ready", account: event.account, attempt, timeline: [...timeline, ...event.steps] };
    case "sign-in-required":
      return { status: "redirecting", destination: "sign-in", attempt, timeline };
    case "fresh-spa-code-required":
      return { status: "redirecting", destination: "fresh-spa-code", attempt, timeline };
    case "failed":
      return { status: "error", details: event.details, attempt, timeline };
    case "retry-requested":
      return state;
  }
}
