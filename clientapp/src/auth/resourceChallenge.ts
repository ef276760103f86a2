/** What a resource (Microsoft Graph) asked for when it answered 401. */
export type ResourceChallenge =
  /** `error="insufficient_claims"` with readable claims (CAE revocation, Conditional Access, an authentication context). */
  | { readonly kind: "claims"; readonly claims: string }
  /** A 401 without a claims challenge: the token was refused (expired, revoked); a fresh one may do. */
  | { readonly kind: "fresh-token" }
  /** A claims challenge whose `claims` is missing, too long, not base64 or not a JSON object. */
  | { readonly kind: "malformed-claims"; readonly reason: string };

/** The longest `claims` value accepted (base64 characters); Entra's are a few hundred. */
export const MAX_CLAIMS_LENGTH = 4096;

/**
 * Reads a 401's `WWW-Authenticate` header. msal-browser's AuthenticationHeaderParser exposes only the PoP nonce, not the
 * claims, so this small parser reads the Bearer challenge's `error` and `claims` parameters itself.
 * Returns null when the response is not a 401.
 */
export function resourceChallengeOf(status: number, wwwAuthenticate: string | null): ResourceChallenge | null {
  if (status !== 401) {
    return null;
  }
  const parameters = bearerParameters(wwwAuthenticate ?? "");
  if (parameters.get("error") !== "insufficient_claims") {
    return { kind: "fresh-token" };
  }
  const encoded = parameters.get("claims");
  if (encoded === undefined || encoded === "") {
    return { kind: "malformed-claims", reason: "The claims challenge carries no claims." };
  }
  if (encoded.length > MAX_CLAIMS_LENGTH) {
    return { kind: "malformed-claims", reason: `The claims challenge is longer than ${String(MAX_CLAIMS_LENGTH)} characters.` };
  }
  const claims = decodeClaims(encoded);
  return claims === null
    ? { kind: "malformed-claims", reason: "The claims challenge is not base64-encoded JSON." }
    : { kind: "claims", claims };
}

/** The auth-params of the header's Bearer challenge (RFC 9110 §11.6.1), names lower-cased; empty when there is none. */
function bearerParameters(header: string): Map<string, string> {
  const parameters = new Map<string, string>();
  const bearer = /(?:^|,)\s*Bearer\s+(.*)$/i.exec(header.slice(0, MAX_CLAIMS_LENGTH * 2));
  if (bearer?.[1] === undefined) {
    return parameters;
  }
  const parameter = /\s*([A-Za-z0-9_.-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,"]*))\s*(?:,|$)/y;
  let match: RegExpExecArray | null;
  while ((match = parameter.exec(bearer[1])) !== null && match[0] !== "") {
    const [, name, quoted, token] = match;
    if (name !== undefined && !parameters.has(name.toLowerCase())) {
      parameters.set(name.toLowerCase(), quoted?.replace(/\\(.)/g, "$1") ?? token ?? "");
    }
  }
  return parameters;
}

/** base64 or base64url → the JSON object's text, as MSAL's `claims` request parameter takes it; null if it is not one. */
function decodeClaims(encoded: string): string | null {
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(encoded)) {
    return null;
  }
  try {
    // atob (forgiving-base64) accepts the unpadded form; base64url's two characters are mapped back first.
    const binary = atob(encoded.replace(/=+$/, "").replace(/-/g, "+").replace(/_/g, "/"));
    const text = new TextDecoder("utf-8", { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === "object" && parsed !== null && !Array.isArray(parsed) ? text : null;
  } catch {
    return null;
  }
}

/** A resource refused the token; `retried` when the token was already a retry's (fresh, or carrying the claims). */
export class ResourceChallengeError extends Error {
  override readonly name = "ResourceChallengeError";
  constructor(
    readonly challenge: ResourceChallenge,
    readonly retried: boolean,
    options?: ErrorOptions,
  ) {
    super(messageFor(challenge, retried), options);
  }
}

function messageFor(challenge: ResourceChallenge, retried: boolean): string {
  switch (challenge.kind) {
    case "claims":
      return retried
        ? "Microsoft Graph asked again for claims the token already carried, or they need you to sign in."
        : "Microsoft Graph asked for a token with more claims (a claims challenge).";
    case "fresh-token":
      return "Microsoft Graph refused the access token.";
    case "malformed-claims":
      return challenge.reason;
  }
}
