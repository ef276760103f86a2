import { BrowserAuthErrorCodes, ClientAuthErrorCodes } from "@azure/msal-browser";
import { isSpentGrantDetails, RESOURCE_REFUSAL_CODES, type AuthErrorDetails } from "./errorActions";

/** The one thing the user can do about a token error the page shows. */
export type Remedy = "try-again" | "sign-in-again";

/** What the error card says happened, and the action it offers. */
export interface TokenErrorExplanation {
  readonly summary: string;
  readonly remedy: Remedy;
}

/** MSAL's codes for a request that never got an answer: the network, not the identity provider, failed. */
const NETWORK_ERROR_CODES: ReadonlySet<string> = new Set([
  BrowserAuthErrorCodes.postRequestFailed,
  BrowserAuthErrorCodes.noNetworkConnectivity,
  ClientAuthErrorCodes.networkError,
]);

/**
 * Explains a token error for the error card: a network failure → try again; a spent code or refresh token the automatic
 * renewal could not fix → sign in again (a new SPA code from the server); anything else the identity provider refused →
 * try again, with the codes to report if it keeps failing.
 */
export function explainTokenError(details: Pick<AuthErrorDetails, "aadstsCode" | "errorCode">): TokenErrorExplanation {
  if (details.errorCode !== null && NETWORK_ERROR_CODES.has(details.errorCode)) {
    return {
      summary: "The identity provider could not be reached from this browser. Check your connection, then try again.",
      remedy: "try-again",
    };
  }
  if (details.errorCode === RESOURCE_REFUSAL_CODES.repeatedClaimsChallenge) {
    return {
      summary:
        "Microsoft Graph keeps asking for a new sign-in (a session or Conditional Access policy), and signing in again just now did not satisfy it. Try again in a few minutes; if it keeps asking, send the codes below to your administrator.",
      remedy: "try-again",
    };
  }
  if (details.errorCode === RESOURCE_REFUSAL_CODES.malformedClaimsChallenge) {
    return {
      summary:
        "Microsoft Graph asked for a new sign-in in a form this page cannot read, so it did not follow it. Try again; if it fails again, send the codes below to your administrator.",
      remedy: "try-again",
    };
  }
  if (isSpentGrantDetails(details)) {
    return {
      summary: "Your sign-in to this app has expired in this browser. Sign in again to continue; you will come back here.",
      remedy: "sign-in-again",
    };
  }
  return {
    summary:
      "The identity provider refused to give this page an access token. Try again; if it fails again, send the codes below to your administrator.",
    remedy: "try-again",
  };
}
