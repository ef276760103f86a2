import { AuthError, BrowserAuthError, InteractionRequiredAuthError, ServerError } from "@azure/msal-browser";
import { describe, expect, it } from "vitest";
import { decideErrorAction, describeAuthError, type ErrorActionContext } from "./errorActions";
import { ResourceChallengeError } from "./resourceChallenge";

const CORRELATION_ID = "5a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
const normal: ErrorActionContext = { bootstrapByRedirect: false, freshSpaCodeAllowed: true, claimsRedirectAllowed: true };

function invalidGrant(aadsts: string, withErrorNo = true): ServerError {
  return new ServerError(
    "invalid_grant",
    CORRELATION_ID,
    `AADSTS${aadsts}: the grant is spent. Trace ID: 0a0b Correlation ID: ${CORRELATION_ID} Timestamp: 2026-11-21 10:00:00Z`,
    "",
    withErrorNo ? aadsts : undefined,
    400,
  );
}

describe("the error → action table", () => {
  it("interaction required (consent, MFA, CA) → loginRedirect so the same user comes back", () => {
    const error = new InteractionRequiredAuthError("invalid_grant", CORRELATION_ID, "AADSTS65001: consent", "consent_required");

    expect(decideErrorAction(error, normal)).toEqual({ kind: "login-redirect" });
  });

  it("AADSTS54005 code already redeemed (a ServerError, not interaction required) → fresh SPA code", () => {
    expect(decideErrorAction(invalidGrant("54005"), normal)).toEqual({ kind: "fresh-spa-code" });
  });

  it("AADSTS54005 found only in the description → fresh SPA code", () => {
    expect(decideErrorAction(invalidGrant("54005", false), normal)).toEqual({ kind: "fresh-spa-code" });
  });

  it("AADSTS70008 expired code → fresh SPA code", () => {
    expect(decideErrorAction(invalidGrant("70008"), normal)).toEqual({ kind: "fresh-spa-code" });
  });

  it("AADSTS700084 SPA refresh token past 24 h → fresh SPA code", () => {
    expect(decideErrorAction(invalidGrant("700084"), normal)).toEqual({ kind: "fresh-spa-code" });
  });

  it.each(["no_tokens_found", "refresh_token_expired"])(
    "MSAL %s (no usable refresh token) → fresh SPA code, not an interactive sign-in",
    (errorCode) => {
      const error = new InteractionRequiredAuthError(errorCode, CORRELATION_ID, "");

      expect(decideErrorAction(error, normal)).toEqual({ kind: "fresh-spa-code" });
    },
  );

  it("a spent grant when the loop guard has used its attempt → error screen", () => {
    const action = decideErrorAction(invalidGrant("700084"), { ...normal, freshSpaCodeAllowed: false });

    expect(action).toEqual({
      kind: "show-error",
      details: expect.objectContaining({ aadstsCode: "700084", correlationId: CORRELATION_ID }),
    });
  });

  it("a spent grant when the server cannot mint SPA codes (bootstrapByRedirect) → loginRedirect", () => {
    expect(decideErrorAction(invalidGrant("700084"), { ...normal, bootstrapByRedirect: true })).toEqual({
      kind: "login-redirect",
    });
  });

  it("any other server error → error screen with the AADSTS code, correlation id and message", () => {
    const error = new ServerError(
      "invalid_request",
      CORRELATION_ID,
      "AADSTS9002326: Cross-origin token redemption is permitted only for the 'Single-Page Application' client-type.",
      "",
      "9002326",
      400,
    );

    expect(decideErrorAction(error, normal)).toEqual({
      kind: "show-error",
      details: {
        aadstsCode: "9002326",
        errorCode: "invalid_request",
        correlationId: CORRELATION_ID,
        message: "AADSTS9002326: Cross-origin token redemption is permitted only for the 'Single-Page Application' client-type.",
      },
    });
  });

  it("a network failure → error screen", () => {
    const error = new BrowserAuthError("post_request_failed", CORRELATION_ID);

    expect(decideErrorAction(error, normal)).toMatchObject({
      kind: "show-error",
      details: { errorCode: "post_request_failed", aadstsCode: null },
    });
  });

  it("something that is not an MSAL error → error screen with its message", () => {
    expect(decideErrorAction(new TypeError("boom"), normal)).toEqual({
      kind: "show-error",
      details: { aadstsCode: null, errorCode: null, correlationId: null, message: "boom" },
    });
  });
});

describe("the error → action table for a resource's 401", () => {
  const CLAIMS = '{"access_token":{"nbf":{"essential":true,"value":"1604106651"}}}';
  const claimsChallenge = (retried: boolean) => new ResourceChallengeError({ kind: "claims", claims: CLAIMS }, retried);

  it("a first claims challenge → acquireTokenSilent once more, carrying the claims", () => {
    expect(decideErrorAction(claimsChallenge(false), normal)).toEqual({ kind: "retry-silently", retry: { claims: CLAIMS } });
  });

  it("a claims challenge the silent retry did not satisfy → acquireTokenRedirect carrying the claims", () => {
    expect(decideErrorAction(claimsChallenge(true), normal)).toEqual({ kind: "claims-redirect", claims: CLAIMS });
  });

  it("the identity provider keeps asking right after a claims redirect → the error card, not another redirect", () => {
    const action = decideErrorAction(claimsChallenge(true), { ...normal, claimsRedirectAllowed: false });

    expect(action).toMatchObject({ kind: "show-error", details: { errorCode: "insufficient_claims" } });
  });

  it("a first 401 without a claims challenge → acquireTokenSilent once more for a fresh token", () => {
    expect(decideErrorAction(new ResourceChallengeError({ kind: "fresh-token" }, false), normal)).toEqual({
      kind: "retry-silently",
      retry: { forceRefresh: true },
    });
  });

  it("a fresh token refused too → the error card, no retry", () => {
    expect(decideErrorAction(new ResourceChallengeError({ kind: "fresh-token" }, true), normal)).toMatchObject({
      kind: "show-error",
      details: { errorCode: "invalid_token" },
    });
  });

  it("a malformed claims challenge → the error card with its reason, never a retry or redirect", () => {
    const error = new ResourceChallengeError({ kind: "malformed-claims", reason: "The claims challenge is not base64-encoded JSON." }, false);

    expect(decideErrorAction(error, normal)).toEqual({
      kind: "show-error",
      details: {
        aadstsCode: null,
        errorCode: "invalid_claims_challenge",
        correlationId: null,
        message: "The claims challenge is not base64-encoded JSON.",
      },
    });
  });
});

describe("describeAuthError", () => {
  it("reads the correlation id from the description when MSAL has none", () => {
    const error = new AuthError("server_error", "", `AADSTS50000: oops Correlation ID: ${CORRELATION_ID}`);

    expect(describeAuthError(error)).toMatchObject({ aadstsCode: "50000", correlationId: CORRELATION_ID });
  });
});
