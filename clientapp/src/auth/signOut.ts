import type { IPublicClientApplication } from "@azure/msal-browser";
import type { SignOutConfig } from "../bootstrap/bootstrapConfig";
import { forgetFreshSpaCodeAttempts } from "./freshSpaCodeGuard";

/**
 * Signs out everywhere: first MSAL's browser cache, through MSAL's own clearCache (every account, token and MSAL key
 * in this page's storage; realMsal.test.ts pins that down), so no token outlives the session on this device; then a
 * top-level form POST to the server, which ends its session and the identity provider's. A form (not fetch) because the
 * server answers with redirects the browser must follow; not logoutRedirect, because the server's sign-out already goes
 * to the IdP's end-session endpoint with the session's id_token hint.
 */
export async function signOut(instance: IPublicClientApplication, config: SignOutConfig, doc: Document): Promise<void> {
  try {
    await instance.clearCache();
  } catch {
    // The server-side sign-out matters more; the session it ends is what the tokens were bound to.
  }
  const storage = doc.defaultView?.sessionStorage;
  if (storage !== undefined) {
    forgetFreshSpaCodeAttempts(storage);
  }
  postSignOutForm(config, doc);
}

function postSignOutForm(config: SignOutConfig, doc: Document): void {
  const form = doc.createElement("form");
  form.method = "post";
  form.action = config.url;
  form.hidden = true;
  const antiforgery = doc.createElement("input");
  antiforgery.type = "hidden";
  antiforgery.name = config.antiforgeryField;
  antiforgery.value = config.antiforgeryToken;
  form.append(antiforgery);
  doc.body.append(form);
  form.submit();
}
