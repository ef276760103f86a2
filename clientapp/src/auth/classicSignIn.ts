import type { AuthenticationResult, IPublicClientApplication } from "@azure/msal-browser";
import { measure } from "./tokenTimeline";

/** The outcome of the classic bootstrap's silent sign-in, shared by every caller on this page. */
export interface ClassicSignIn {
  readonly result: AuthenticationResult;
  readonly durationMs: number;
}

// Module-level for the same reason as spaCodeRedemption: each ssoSilent is a hidden iframe plus a token request; one per
// user per page load is what the classic bootstrap costs, whoever asks.
const signIns = new Map<string, Promise<ClassicSignIn>>();

/**
 * The classic bootstrap (the server requested no SPA code): signs the server's user in a second time with
 * ssoSilent in a hidden iframe that lands on `redirectUri`, once per login hint per page.
 */
export function ssoSilentOnce(
  instance: IPublicClientApplication,
  loginHint: string,
  redirectUri: string,
  scopes: readonly string[],
): Promise<ClassicSignIn> {
  const pending = signIns.get(loginHint);
  if (pending !== undefined) {
    return pending;
  }
  const signIn = measure(() => instance.ssoSilent({ loginHint, redirectUri, scopes: [...scopes] })).then(
    ({ value: result, durationMs }) => ({ result, durationMs }),
  );
  signIns.set(loginHint, signIn);
  return signIn;
}
