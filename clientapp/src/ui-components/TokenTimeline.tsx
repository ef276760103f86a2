import type { TimelineStep, TokenSource } from "../auth/firstToken";

const SOURCE_LABELS: Record<TokenSource, string> = {
  "spa-code": "SPA code",
  cache: "Cache",
  "refresh-token": "Refresh token",
  redirect: "Redirect sign-in",
  "sso-silent": "Hidden iframe",
};

const SOURCE_EXPLANATIONS: Record<TokenSource, string> = {
  "spa-code": "redeemed the server's single-use SPA code with acquireTokenByCode",
  cache: "found a valid access token in MSAL's session cache",
  "refresh-token": "renewed with the SPA's refresh token",
  redirect: "signed in with loginRedirect and redeemed the returned code (PKCE)",
  "sso-silent": "signed in again with ssoSilent in a hidden iframe and redeemed its code (PKCE)",
};

/** "How this token was obtained": each step's source, identity-provider requests and duration. */
export function TokenTimeline({ steps }: { steps: readonly TimelineStep[] }) {
  const first = steps[0];
  const totalRequests = steps.reduce((sum, step) => sum + step.requests, 0);
  return (
    <section className="card" aria-labelledby="timeline-title">
      <h2 id="timeline-title">How this token was obtained</h2>
      {first !== undefined && (
        <p className="timeline-summary" role="status">
          {SOURCE_LABELS[first.source]}, {formatRequests(totalRequests)} to the identity provider.
        </p>
      )}
      <ol className="timeline">
        {steps.map((step, index) => (
          <li key={index} data-source={step.source}>
            <strong>{SOURCE_LABELS[step.source]}</strong> · {formatRequests(step.requests)} ·{" "}
            {Math.round(step.durationMs)} ms
            <span className="timeline-explanation">{SOURCE_EXPLANATIONS[step.source]}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}

function formatRequests(requests: number): string {
  if (requests === 0) {
    return "no request";
  }
  return requests === 1 ? "1 request" : `${requests} requests`;
}
