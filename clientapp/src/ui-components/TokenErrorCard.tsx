import { browserNavigation } from "../auth/browserNavigation";
import type { AuthErrorDetails } from "../auth/errorActions";
import { explainTokenError } from "../auth/errorRemedy";
import { useBootstrap } from "../bootstrap/BootstrapContext";
import { ErrorScreen } from "./ErrorScreen";

/** Why the page has no token, and the one action that helps: try again, or sign in again through the server. */
export function TokenErrorCard({ details, retry }: { details: AuthErrorDetails; retry: () => void }) {
  const { freshSpaCodeUrl } = useBootstrap();
  const { summary, remedy } = explainTokenError(details);
  const action =
    remedy === "sign-in-again"
      ? { label: "Sign in again", onAction: () => browserNavigation.assign(freshSpaCodeUrl) }
      : { label: "Try again", onAction: retry };
  return <ErrorScreen title="Your access token could not be obtained" summary={summary} details={details} action={action} />;
}
