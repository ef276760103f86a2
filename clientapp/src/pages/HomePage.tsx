import { useMemo } from "react";
import type { AccountInfo } from "@azure/msal-browser";
import { useMsal } from "@azure/msal-react";
import type { FirstTokenOutcome } from "../auth/firstToken";
import { useBootstrapToken } from "../auth/useBootstrapToken";
import { useTokenErrorAction } from "../auth/useTokenErrorAction";
import { useBootstrap } from "../bootstrap/BootstrapContext";
import { createGraphClient } from "../graph/graphClient";
import { useServerSession } from "../session/ServerSessionContext";
import { Loading } from "../ui-components/Loading";
import { ProfileCard } from "../ui-components/ProfileCard";
import { TokenErrorCard } from "../ui-components/TokenErrorCard";
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
      return <TokenErrorCard details={state.details} retry={retry} />;
    case "ready":
      return (
        <div className="home">
          <SignedInProfile account={state.account} />
          <TokenTimeline steps={state.timeline} />
        </div>
      );
  }
}

function SignedInProfile({ account }: { account: AccountInfo }) {
  const { instance } = useMsal();
  const { scopes, graphBaseUrl } = useBootstrap();
  const session = useServerSession();
  const graph = useMemo(
    () => createGraphClient({ instance, account, scopes, graphBaseUrl, ensureSignedIn: session.assertSignedIn }),
    [instance, account, scopes, graphBaseUrl, session],
  );
  const onTokenError = useTokenErrorAction(account);
  return <ProfileCard graph={graph} onTokenError={onTokenError} />;
}
