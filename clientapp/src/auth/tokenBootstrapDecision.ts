import type { AccountInfo } from "@azure/msal-browser";

/** The first thing the SPA does to get a token, in order of preference. */
export type BootstrapStep =
  | { readonly kind: "redeem-spa-code"; readonly code: string }
  | { readonly kind: "silent"; readonly account: AccountInfo }
  | { readonly kind: "sso-silent"; readonly loginHint: string; readonly redirectUri: string }
  | { readonly kind: "login-redirect" };

/**
 * A SPA code from the server wins (it is single-use and only this render has it); otherwise the
 * cached account renews silently; with neither, a server that requested no SPA code (the classic
 * bootstrap) gets a second, silent sign-in through a hidden iframe for the user it signed in; else
 * (or when the server could not get a SPA code and nothing is cached yet) the user signs in with loginRedirect.
 */
export function chooseBootstrapStep(input: {
  readonly spaCode: string | null;
  readonly cachedAccount: AccountInfo | null;
  readonly spaCodeRequested: boolean;
  readonly loginHint: string | null;
  readonly silentRedirectUri: string | null;
}): BootstrapStep {
  if (input.spaCode !== null) {
    return { kind: "redeem-spa-code", code: input.spaCode };
  }
  if (input.cachedAccount !== null) {
    return { kind: "silent", account: input.cachedAccount };
  }
  if (!input.spaCodeRequested && input.loginHint !== null && input.silentRedirectUri !== null) {
    return { kind: "sso-silent", loginHint: input.loginHint, redirectUri: input.silentRedirectUri };
  }
  return { kind: "login-redirect" };
}

/**
 * The account to renew silently: the active one, else the only cached one, else the one the
 * server's login hint names. Several accounts and no match means none: sign in with the hint.
 */
export function pickCachedAccount(
  activeAccount: AccountInfo | null,
  cachedAccounts: readonly AccountInfo[],
  loginHint: string | null,
): AccountInfo | null {
  if (activeAccount !== null) {
    return activeAccount;
  }
  if (cachedAccounts.length === 1) {
    return cachedAccounts[0] ?? null;
  }
  if (loginHint === null) {
    return null;
  }
  const hint = loginHint.toLowerCase();
  return (
    cachedAccounts.find(
      (account) => account.loginHint?.toLowerCase() === hint || account.username.toLowerCase() === hint,
    ) ?? null
  );
}
