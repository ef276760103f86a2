import { useMemo } from "react";
import type { AccountInfo } from "@azure/msal-browser";
import { useMsal } from "@azure/msal-react";
import { browserNavigation } from "../auth/browserNavigation";
import type { AuthErrorDetails } from "../auth/errorActions";
import { explainTokenError } from "../auth/errorRemedy";
import type { FirstTokenOutcome } from "../auth/firstToken";
import { useBootstrapToken } from "../auth/useBootstrapToken";
import { useBootstrap } from "../bootstrap/BootstrapContext";
import { createGraphClient } from "../graph/graphClient";
import { ErrorScreen } from "../ui-components/ErrorScreen";
import { Loading } from "../ui-components/Loading";
import { ProfileCard } from "../ui-components/ProfileCard";
import { TokenTimeline } from "../ui-components/TokenTimeline";

/** The signed-in home page: gets the first token, then shows the Graph profile and how the token was obtained. */
export function HomePage({ firstToken }: { firstToken: Promise<FirstTokenOutcome> }) {
  const bootstrap = useBootstrap();
  const { state, retry } = useBootstrapToken(bootstrap, firstToken);

  switch (state.status) {
    case "acquiring":
      return <Loading message="Getting an access token…" />;
    case "redirecting":
      return (
        <Loading
          message={state.destination === "sign-in" ? "Signing you in again…" : "Renewing your session with the server…"}
        />
      );
    case "error":
      return <TokenErrorCard details={state.details} retry={retry} freshSpaCodeUrl={bootstrap.freshSpaCodeUrl} />;
    case "ready":
      return (
        <div className="home">
          <SignedInProfile account={state.account} />
          <TokenTimeline steps={state.timeline} />
        </div>
      );
  }
}

/** Why the page has no token, and the one action that helps: try again, or sign in again through the server. */
function TokenErrorCard({ details, retry, freshSpaCodeUrl }: { details: AuthErrorDetails; retry: () => void; freshSpaCodeUrl: string }) {
  const { summary, remedy } = explainTokenError(details);
  const action =
    remedy === "sign-in-again"
      ? { label: "Sign in again", onAction: () => browserNavigation.assign(freshSpaCodeUrl) }
      : { label: "Try again", onAction: retry };
  return <ErrorScreen title="Your access token could not be obtained" summary={summary} details={details} action={action} />;
}

function SignedInProfile({ account }: { account: AccountInfo }) {
  const { instance } = useMsal();
  const { scopes, graphBaseUrl } = useBootstrap();
  const graph = useMemo(
    () => createGraphClient({ instance, account, scopes, graphBaseUrl }),
    [instance, account, scopes, graphBaseUrl],
  );
  return <ProfileCard graph={graph} />;
}
