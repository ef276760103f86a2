/**
 * Where a token came from: the server's SPA code, MSAL's cache, a refresh-token grant, a sign-in redirect, or
 * (classic bootstrap only) ssoSilent through a hidden iframe.
 */
export type TokenSource = "spa-code" | "cache" | "refresh-token" | "redirect" | "sso-silent";

/** One step of "how this token was obtained". */
export interface TimelineStep {
  readonly source: TokenSource;
  /** Requests this step sent to the identity provider's /token endpoint. */
  readonly requests: number;
  /** Wall-clock time of the step, measured with performance.now(). */
  readonly durationMs: number;
}

/** Measures an async step with performance.now(). */
export async function measure<T>(work: () => Promise<T>): Promise<{ value: T; durationMs: number }> {
  const startedAt = performance.now();
  const value = await work();
  return { value, durationMs: performance.now() - startedAt };
}
