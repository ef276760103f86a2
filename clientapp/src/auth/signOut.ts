import type { IPublicClientApplication } from "@azure/msal-browser";
import type { SignOutConfig } from "../bootstrap/bootstrapConfig";
import type { HybridSpaSignOutAntiforgery as SignOutAntiforgery } from "../bootstrap/contract.generated";
import { forgetClaimsRedirects } from "./claimsRedirect";
import { forgetFreshSpaCodeAttempts } from "./freshSpaCodeGuard";

/** The server could not give the sign-out form its antiforgery token; nothing was signed out. */
export class SignOutError extends Error {
  override readonly name = "SignOutError";
}

/**
 * Signs out everywhere: first asks the server for the sign-out form's antiforgery token (the host page does not carry one:
 * rendering it cost every page load two Data Protection operations), so that a server that cannot sign out leaves
 * everything as it was; then clears MSAL's browser cache through MSAL's own clearCache (every account, token and MSAL key
 * in this page's storage; realMsal.test.ts pins that down), so no token outlives the session on this device; then posts
 * the form top-level to the server, which ends its session and the identity provider's. A form (not fetch) because the
 * server answers with redirects the browser must follow; not logoutRedirect, because the server's sign-out already goes
 * to the IdP's end-session endpoint with the session's id_token hint. Rejects with a SignOutError when the token cannot
 * be had.
 */
export async function signOut(
  instance: IPublicClientApplication,
  config: SignOutConfig,
  doc: Document,
  send: typeof fetch = fetch,
): Promise<void> {
  const antiforgery = await fetchAntiforgery(config.antiforgeryUrl, send);
  try {
    await instance.clearCache();
  } catch {
    // The server-side sign-out matters more; the session it ends is what the tokens were bound to.
  }
  const storage = doc.defaultView?.sessionStorage;
  if (storage !== undefined) {
    forgetFreshSpaCodeAttempts(storage);
    forgetClaimsRedirects(storage);
  }
  postSignOutForm(config.url, antiforgery, doc);
}

async function fetchAntiforgery(url: string, send: typeof fetch): Promise<SignOutAntiforgery> {
  let response: Response;
  try {
    // Same origin with its cookies (the token is bound to them); never from a cache; a redirect here is not the token.
    response = await send(url, {
      credentials: "same-origin",
      cache: "no-store",
      redirect: "error",
      headers: { Accept: "application/json" },
    });
  } catch {
    throw new SignOutError("The server could not be reached to sign out. Check your connection and try again.");
  }
  if (!response.ok) {
    throw new SignOutError(`The server could not prepare the sign-out (HTTP ${String(response.status)}). Try again.`);
  }
  const body: unknown = await response.json().catch(() => null);
  if (!isSignOutAntiforgery(body)) {
    throw new SignOutError("The server's answer to the sign-out was not understood. Try again.");
  }
  return body;
}

/**
 * Whether the server's answer is contracts/signout-antiforgery.schema.json: two non-empty strings and nothing else (held to the
 * schema by signOutAntiforgeryContract.test.ts).
 */
export function isSignOutAntiforgery(value: unknown): value is SignOutAntiforgery {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return false;
  }
  const { field, token, ...unknown } = value as Record<string, unknown>;
  return typeof field === "string" && field !== "" && typeof token === "string" && token !== "" && Object.keys(unknown).length === 0;
}

function postSignOutForm(url: string, antiforgery: SignOutAntiforgery, doc: Document): void {
  const form = doc.createElement("form");
  form.method = "post";
  form.action = url;
  form.hidden = true;
  const input = doc.createElement("input");
  input.type = "hidden";
  input.name = antiforgery.field;
  input.value = antiforgery.token;
  form.append(input);
  doc.body.append(form);
  form.submit();
}
