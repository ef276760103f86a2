import type { IPublicClientApplication } from "@azure/msal-browser";
import type { SignOutConfig } from "../bootstrap/bootstrapConfig";
import { forgetFreshSpaCodeAttempts } from "./freshSpaCodeGuard";

/**
 * Signs out everywhere: first MSAL's browser cache (so no token outlives the session on this
 * device), then a top-level form POST to the server, which ends its session and the identity
 * provider's. A form (not fetch) because the server answers with redirects the browser must follow.
 */
export async function signOut(instance: IPublicClientApplication, config: SignOutConfig, doc: Document): Promise<void> {
  try {
    await instance.clearCache();
  } catch {
    // The server-side sign-out matters more; the sweep below still removes what MSAL left behind.
  }
  const storage = doc.defaultView?.sessionStorage;
  if (storage !== undefined) {
    removeMsalEntries(storage);
    forgetFreshSpaCodeAttempts(storage);
  }
  postSignOutForm(config, doc);
}

/** MSAL.js keeps everything under "msal." keys (accounts, tokens, interaction state). */
function removeMsalEntries(storage: Storage): void {
  const msalKeys = Array.from({ length: storage.length }, (_, index) => storage.key(index)).filter(
    (key): key is string => key !== null && key.startsWith("msal."),
  );
  for (const key of msalKeys) {
    storage.removeItem(key);
  }
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
