import {
  AuthError,
  InteractionRequiredAuthError,
  InteractionRequiredAuthErrorCodes,
} from "@azure/msal-browser";

/** What the SPA shows the user about a failure: enough to look it up in the troubleshooting guide. */
export interface AuthErrorDetails {
  /** The AADSTS number ("54005"), when the identity provider sent one. */
  readonly aadstsCode: string | null;
  /** MSAL's or the server's error code ("invalid_grant", "post_request_failed"). */
  readonly errorCode: string | null;
  readonly correlationId: string | null;
  readonly message: string;
}

/** What to do about a token error. */
export type ErrorAction =
  /** Sign in again with loginRedirect({ loginHint }) so the same user comes back. */
  | { readonly kind: "login-redirect" }
  /** Top-level navigation to the server's fresh-SPA-code endpoint (prompt=none, no iframe). */
  | { readonly kind: "fresh-spa-code" }
  /** Nothing automatic is safe: show the error with a Retry button. */
  | { readonly kind: "show-error"; readonly details: AuthErrorDetails };

export interface ErrorActionContext {
  /** The server cannot get SPA codes for this user (e.g. personal accounts, AADSTS9000512). */
  readonly bootstrapByRedirect: boolean;
  /** The loop guard allows an automatic trip to the fresh-SPA-code endpoint now. */
  readonly freshSpaCodeAllowed: boolean;
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

/** The error → action table. Pure: every row is a test in errorActions.test.ts. */
export function decideErrorAction(error: unknown, context: ErrorActionContext): ErrorAction {
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
