import {
  AuthError,
  InteractionRequiredAuthError,
  InteractionRequiredAuthErrorCodes,
} from "@azure/msal-browser";
import { ResourceChallengeError } from "./resourceChallenge";

/** What the SPA shows the user about a failure: enough to look it up in the troubleshooting guide. */
export interface AuthErrorDetails {
  /** The AADSTS number ("54005"), when the identity provider sent one. */
  readonly aadstsCode: string | null;
  /** MSAL's or the server's error code ("invalid_grant", "post_request_failed"). */
  readonly errorCode: string | null;
  readonly correlationId: string | null;
  readonly message: string;
}

/** What to do about a token error, or a resource's refusal of a token. */
export type ErrorAction =
  /** Ask acquireTokenSilent again, once: with the resource's claims (MSAL then skips its cache), or for a fresh token. */
  | { readonly kind: "retry-silently"; readonly retry: SilentRetry }
  /** acquireTokenRedirect carrying the claims and the login hint; the page comes back where the user was. */
  | { readonly kind: "claims-redirect"; readonly claims: string }
  /** Sign in again with loginRedirect({ loginHint }) so the same user comes back. */
  | { readonly kind: "login-redirect" }
  /** Top-level navigation to the server's fresh-SPA-code endpoint (prompt=none, no iframe). */
  | { readonly kind: "fresh-spa-code" }
  /** Nothing automatic is safe: show the error with a Retry button. */
  | { readonly kind: "show-error"; readonly details: AuthErrorDetails };

/** The error codes the table gives a resource's refusal it cannot act on any more. */
export const RESOURCE_REFUSAL_CODES = {
  /** A claims challenge neither the silent retry nor (recently) a redirect could satisfy. */
  repeatedClaimsChallenge: "insufficient_claims",
  /** A claims challenge whose claims cannot be read. */
  malformedClaimsChallenge: "invalid_claims_challenge",
  /** A 401 that a freshly refreshed token got too. */
  freshTokenRefused: "invalid_token",
} as const;

/** The second acquireTokenSilent after a resource refused the first token. */
export type SilentRetry = { readonly claims: string } | { readonly forceRefresh: true };

export interface ErrorActionContext {
  /** The server cannot get SPA codes for this user (e.g. personal accounts, AADSTS9000512). */
  readonly bootstrapByRedirect: boolean;
  /** The loop guard allows an automatic trip to the fresh-SPA-code endpoint now. */
  readonly freshSpaCodeAllowed: boolean;
  /** The loop guard allows an automatic claims-challenge redirect now. */
  readonly claimsRedirectAllowed: boolean;
}

/**
 * AADSTS codes that mean "this code or refresh token is spent", which the server can fix with a new SPA
 * code: 54005 code already redeemed, 70008 code or refresh token expired, 700084 SPA refresh token
 * past its fixed 24 h. They arrive as ServerError invalid_grant, not as interaction required.
 */
const SPENT_GRANT_AADSTS_CODES: ReadonlySet<string> = new Set(["54005", "70008", "700084"]);

/** MSAL's own "no usable refresh token in the cache" errors; the server can fix them the same way. */
const SPENT_GRANT_MSAL_CODES: ReadonlySet<string> = new Set([
  InteractionRequiredAuthErrorCodes.noTokensFound,
  InteractionRequiredAuthErrorCodes.refreshTokenExpired,
]);

/**
 * The error → action table, the one place a token error or a resource's refusal becomes an action: the first token's
 * errors (useBootstrapToken) and Graph's (graphClient retries, useTokenErrorAction navigates). Pure: every row is a test in
 * errorActions.test.ts.
 */
export function decideErrorAction(error: unknown, context: ErrorActionContext): ErrorAction {
  if (error instanceof ResourceChallengeError) {
    return decideChallengeAction(error, context);
  }
  const details = describeAuthError(error);
  if (isSpentGrant(error, details)) {
    if (context.bootstrapByRedirect) {
      return { kind: "login-redirect" };
    }
    return context.freshSpaCodeAllowed ? { kind: "fresh-spa-code" } : { kind: "show-error", details };
  }
  if (error instanceof InteractionRequiredAuthError) {
    return { kind: "login-redirect" };
  }
  return { kind: "show-error", details };
}

/**
 * A resource's 401: one silent retry (with its claims, or for a fresh token); then, for claims, one redirect per
 * CLAIMS_REDIRECT_MIN_INTERVAL_MS; then the error card: never a redirect loop.
 */
function decideChallengeAction(error: ResourceChallengeError, context: ErrorActionContext): ErrorAction {
  const retry = silentRetryFor(error);
  if (retry !== null) {
    return { kind: "retry-silently", retry };
  }
  const { challenge } = error;
  if (challenge.kind === "claims" && context.claimsRedirectAllowed) {
    return { kind: "claims-redirect", claims: challenge.claims };
  }
  const errorCode =
    challenge.kind === "claims"
      ? RESOURCE_REFUSAL_CODES.repeatedClaimsChallenge
      : challenge.kind === "fresh-token"
        ? RESOURCE_REFUSAL_CODES.freshTokenRefused
        : RESOURCE_REFUSAL_CODES.malformedClaimsChallenge;
  return { kind: "show-error", details: { aadstsCode: null, errorCode, correlationId: null, message: error.message } };
}

/** The silent retry a resource's first refusal deserves; null for a malformed challenge or a refusal of a retry's token. */
export function silentRetryFor(error: ResourceChallengeError): SilentRetry | null {
  if (error.retried) {
    return null;
  }
  switch (error.challenge.kind) {
    case "claims":
      return { claims: error.challenge.claims };
    case "fresh-token":
      return { forceRefresh: true };
    case "malformed-claims":
      return null;
  }
}

function isSpentGrant(error: unknown, details: AuthErrorDetails): boolean {
  return isSpentGrantDetails(details) || (error instanceof AuthError && SPENT_GRANT_MSAL_CODES.has(error.errorCode));
}

/** The details name a spent code or refresh token: a new SPA code (signing in again) is what fixes it. */
export function isSpentGrantDetails(details: Pick<AuthErrorDetails, "aadstsCode" | "errorCode">): boolean {
  return (
    (details.aadstsCode !== null && SPENT_GRANT_AADSTS_CODES.has(details.aadstsCode)) ||
    (details.errorCode !== null && SPENT_GRANT_MSAL_CODES.has(details.errorCode))
  );
}

/** Extracts the AADSTS code, error code, correlation id and message from anything thrown. */
export function describeAuthError(error: unknown): AuthErrorDetails {
  if (error instanceof AuthError) {
    const text = `${error.errorMessage} ${error.message}`;
    return {
      aadstsCode: errorNumberOf(error) ?? aadstsCodeIn(text),
      errorCode: error.errorCode || null,
      correlationId: error.correlationId || correlationIdIn(text),
      message: error.errorMessage || error.message || error.errorCode,
    };
  }
  const message = error instanceof Error ? error.message : String(error);
  return {
    aadstsCode: aadstsCodeIn(message),
    errorCode: null,
    correlationId: correlationIdIn(message),
    message: message || "Unknown error",
  };
}

function errorNumberOf(error: AuthError): string | null {
  const errorNo: unknown = (error as { errorNo?: unknown }).errorNo;
  return (typeof errorNo === "string" && errorNo !== "") || typeof errorNo === "number" ? String(errorNo) : null;
}

function aadstsCodeIn(text: string): string | null {
  return /AADSTS(\d+)/.exec(text)?.[1] ?? null;
}

function correlationIdIn(text: string): string | null {
  return /Correlation ID:\s*([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/i.exec(text)?.[1] ?? null;
}
