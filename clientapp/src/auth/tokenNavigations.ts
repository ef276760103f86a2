import type { IPublicClientApplication } from "@azure/msal-browser";
import type { Bootstrap } from "../bootstrap/bootstrapConfig";
import { browserNavigation } from "./browserNavigation";
import { canRedirectWithClaims } from "./claimsRedirect";
import type { ErrorActionContext } from "./errorActions";
import { canAttemptFreshSpaCode, recordFreshSpaCodeAttempt } from "./freshSpaCodeGuard";

/** What the error → action table needs to know now: the bootstrap's mode and what the loop guards allow. */
export function errorActionContextNow(bootstrap: Bootstrap, storage: Storage, now: number): ErrorActionContext {
  return {
    bootstrapByRedirect: bootstrap.bootstrapByRedirect,
    freshSpaCodeAllowed: canAttemptFreshSpaCode(storage, now),
    claimsRedirectAllowed: canRedirectWithClaims(storage, now),
  };
}

/** The table's "fresh-spa-code": a top-level trip to the server's endpoint (prompt=none), remembered by its loop guard. */
export function goForFreshSpaCode(bootstrap: Bootstrap, storage: Storage, now: number): void {
  recordFreshSpaCodeAttempt(storage, now);
  browserNavigation.assign(bootstrap.freshSpaCodeUrl);
}

/** The table's "login-redirect": loginRedirect with the login hint, so the same user comes back. */
export function signInAgain(instance: IPublicClientApplication, bootstrap: Bootstrap): Promise<void> {
  return instance.loginRedirect({
    scopes: [...bootstrap.scopes],
    ...(bootstrap.loginHint === null ? {} : { loginHint: bootstrap.loginHint }),
  });
}
