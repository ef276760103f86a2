import { InteractionRequiredAuthError, ServerError, type AccountInfo, type IPublicClientApplication } from "@azure/msal-browser";
import { silentRetryFor, type SilentRetry } from "../auth/errorActions";
import { ResourceChallengeError, resourceChallengeOf } from "../auth/resourceChallenge";
import { acquireTokenSilently } from "../authConfig";

/** The default property set of Graph `GET /me` (unset properties are null). */
export interface GraphUser {
  readonly id: string;
  readonly displayName: string | null;
  readonly givenName: string | null;
  readonly surname: string | null;
  readonly jobTitle: string | null;
  readonly mail: string | null;
  readonly userPrincipalName: string | null;
  readonly officeLocation: string | null;
  readonly mobilePhone: string | null;
  readonly businessPhones: readonly string[];
  readonly preferredLanguage: string | null;
}

/** A Graph error envelope (`{"error":{"code","message"}}`) or a response that was not one. */
export class GraphError extends Error {
  override readonly name = "GraphError";
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Microsoft Graph for the signed-in account. */
export interface GraphClient {
  /** `GET /me`. */
  getMe(): Promise<GraphUser>;
  /** `GET /me/photo/$value`; null when the user has no photo (Graph answers 404). */
  getMyPhoto(): Promise<Blob | null>;
}

export interface GraphClientOptions {
  readonly instance: IPublicClientApplication;
  readonly account: AccountInfo;
  readonly scopes: readonly string[];
  /** "https://graph.microsoft.com/v1.0", or the emulator's in Development. */
  readonly graphBaseUrl: string;
  readonly fetch?: typeof fetch;
  /** Rejects when the server's session has ended (a sign-out elsewhere): then no token is taken from MSAL's cache. */
  readonly ensureSignedIn?: () => Promise<void>;
}

/**
 * The one way this app calls Graph: the server's session confirmed, a fresh acquireTokenSilent for every call, then a bearer request. A 401 gets the one
 * silent retry the error → action table allows (with the claims of a claims challenge, or for a fresh token); a claims
 * challenge that retry cannot satisfy rejects with a ResourceChallengeError for the table's next row (a redirect, or a card).
 */
export function createGraphClient(options: GraphClientOptions): GraphClient {
  const baseUrl = options.graphBaseUrl.replace(/\/+$/, "");
  const send = (path: string, accessToken: string) =>
    (options.fetch ?? fetch)(`${baseUrl}${path}`, { headers: { Authorization: `Bearer ${accessToken}` } });
  const tokenFor = async (retry: SilentRetry | null) => {
    try {
      return await acquireTokenSilently(options.instance, options.account, options.scopes, retry);
    } catch (error) {
      if (retry !== null && "claims" in retry && onlyASignInCanAddClaims(error)) {
        // Only an interactive sign-in can add these claims: the table's next row for a challenge a retry did not satisfy.
        throw new ResourceChallengeError({ kind: "claims", claims: retry.claims }, true, { cause: error });
      }
      throw error;
    }
  };
  const fetchGraph = async (path: string): Promise<Response> => {
    await options.ensureSignedIn?.();
    let retry: SilentRetry | null = null;
    for (;;) {
      const { accessToken } = await tokenFor(retry);
      const response = await send(path, accessToken);
      const challenge = resourceChallengeOf(response.status, response.headers.get("WWW-Authenticate"));
      if (challenge === null) {
        return response;
      }
      const refusal = new ResourceChallengeError(challenge, retry !== null);
      const next = silentRetryFor(refusal);
      if (next !== null) {
        retry = next;
        continue;
      }
      if (challenge.kind === "fresh-token") {
        // A fresh token refused too: Graph's own error envelope says why.
        return response;
      }
      throw refusal;
    }
  };

  return {
    async getMe() {
      const response = await fetchGraph("/me");
      if (!response.ok) {
        throw await graphErrorFrom(response);
      }
      return toGraphUser(await response.json());
    },
    async getMyPhoto() {
      const response = await fetchGraph("/me/photo/$value");
      if (response.status === 404) {
        return null;
      }
      if (!response.ok) {
        throw await graphErrorFrom(response);
      }
      return response.blob();
    },
  };
}

async function graphErrorFrom(response: Response): Promise<GraphError> {
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // Not JSON: described by the status alone.
  }
  const error = isRecord(body) && isRecord(body.error) ? body.error : {};
  const code = typeof error.code === "string" ? error.code : `HTTP ${response.status}`;
  const message =
    typeof error.message === "string" ? error.message : `Graph answered ${response.status} ${response.statusText}`.trim();
  return new GraphError(response.status, code, message);
}

function toGraphUser(body: unknown): GraphUser {
  if (!isRecord(body) || typeof body.id !== "string") {
    throw new GraphError(200, "UnexpectedResponse", "Graph returned a /me response without an id.");
  }
  const text = (name: string): string | null => {
    const value = body[name];
    return typeof value === "string" ? value : null;
  };
  const phones = body.businessPhones;
  return {
    id: body.id,
    displayName: text("displayName"),
    givenName: text("givenName"),
    surname: text("surname"),
    jobTitle: text("jobTitle"),
    mail: text("mail"),
    userPrincipalName: text("userPrincipalName"),
    officeLocation: text("officeLocation"),
    mobilePhone: text("mobilePhone"),
    businessPhones: Array.isArray(phones) ? phones.filter((phone): phone is string => typeof phone === "string") : [],
    preferredLanguage: text("preferredLanguage"),
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * The silent retry with a challenge's claims failed in a way only a sign-in fixes: interaction required (MFA, AADSTS50076), or
 * a refresh token the identity provider no longer honours — a revoked session's (AADSTS50173), which MSAL.js reports as a
 * plain invalid_grant ServerError.
 */
function onlyASignInCanAddClaims(error: unknown): boolean {
  return error instanceof InteractionRequiredAuthError || (error instanceof ServerError && error.errorCode === "invalid_grant");
}
