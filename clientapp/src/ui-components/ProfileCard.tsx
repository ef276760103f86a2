import { useEffect, useState } from "react";
import type { AuthErrorDetails } from "../auth/errorActions";
import type { TokenErrorOutcome } from "../auth/useTokenErrorAction";
import { GraphError, type GraphClient, type GraphUser } from "../graph/graphClient";
import { SessionEndedError } from "../session/serverSession";
import { ErrorScreen } from "./ErrorScreen";
import { Loading } from "./Loading";
import { TokenErrorCard } from "./TokenErrorCard";

type ProfileState =
  | { readonly status: "loading" }
  | { readonly status: "loaded"; readonly user: GraphUser; readonly photo: Blob | null }
  /** Graph answered with an error, or did not answer. */
  | { readonly status: "graph-failed"; readonly error: GraphError | TypeError }
  /** The page is leaving to get a token Graph accepts (a claims challenge, a spent refresh token). */
  | { readonly status: "redirecting" }
  /** The server's session ended elsewhere: the page is leaving for the signed-out page. */
  | { readonly status: "signed-out" }
  | { readonly status: "token-failed"; readonly details: AuthErrorDetails };

interface ProfileCardProps {
  readonly graph: GraphClient;
  /** Acts on a token error (or a claims challenge) as the error → action table says, and says what to show. */
  readonly onTokenError: (error: unknown) => Promise<TokenErrorOutcome>;
}

/** The signed-in user's Graph profile (`/me`) and photo (`/me/photo/$value`, a placeholder when there is none). */
export function ProfileCard({ graph, onTokenError }: ProfileCardProps) {
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<ProfileState>({ status: "loading" });

  useEffect(() => {
    let cancelled = false;
    void Promise.all([graph.getMe(), graph.getMyPhoto()])
      .then(
        ([user, photo]): ProfileState => ({ status: "loaded", user, photo }),
        async (error: unknown): Promise<ProfileState | null> => {
          if (error instanceof GraphError || error instanceof TypeError) {
            return { status: "graph-failed", error };
          }
          if (error instanceof SessionEndedError) {
            return { status: "signed-out" };
          }
          if (cancelled) {
            // A superseded attempt (StrictMode's first effect, a new client) must not start a redirect.
            return null;
          }
          const outcome = await onTokenError(error);
          return outcome.kind === "redirecting" ? { status: "redirecting" } : { status: "token-failed", details: outcome.details };
        },
      )
      .then((next) => {
        if (next !== null && !cancelled) {
          setState(next);
        }
      });
    return () => {
      cancelled = true;
    };
  }, [graph, onTokenError, attempt]);

  const tryAgain = () => {
    setState({ status: "loading" });
    setAttempt((previous) => previous + 1);
  };
  switch (state.status) {
    case "loading":
      return <Loading message="Loading your profile from Microsoft Graph…" />;
    case "redirecting":
      return <Loading message="Signing you in again for Microsoft Graph…" />;
    case "signed-out":
      return <Loading message="You were signed out elsewhere. Opening the signed-out page…" />;
    case "token-failed":
      return <TokenErrorCard details={state.details} retry={tryAgain} />;
    case "graph-failed":
      return <ErrorScreen {...graphFailure(state.error)} action={{ label: "Try again", onAction: tryAgain }} />;
    case "loaded":
      return <Profile user={state.user} photo={state.photo} />;
  }
}

function Profile({ user, photo }: { user: GraphUser; photo: Blob | null }) {
  const name = user.displayName ?? user.userPrincipalName ?? "Unnamed user";
  return (
    <section className="card profile" aria-labelledby="profile-title">
      <ProfilePhoto photo={photo} name={name} />
      <div>
        <h2 id="profile-title">{name}</h2>
        <dl className="fields">
          <ProfileField label="Job title" value={user.jobTitle} />
          <ProfileField label="Email" value={user.mail} />
          <ProfileField label="User principal name" value={user.userPrincipalName} />
          <ProfileField label="Office" value={user.officeLocation} />
          <ProfileField label="Mobile phone" value={user.mobilePhone} />
          <ProfileField label="Business phones" value={user.businessPhones.join(", ") || null} />
          <ProfileField label="Preferred language" value={user.preferredLanguage} />
          <ProfileField label="Object id" value={user.id} />
        </dl>
      </div>
    </section>
  );
}

function ProfileField({ label, value }: { label: string; value: string | null }) {
  if (value === null) {
    return null;
  }
  return (
    <>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </>
  );
}

function ProfilePhoto({ photo, name }: { photo: Blob | null; name: string }) {
  // The object URL belongs to the photo it was made from; a stale one (photo changed or gone) is never shown.
  const [shown, setShown] = useState<{ readonly photo: Blob; readonly url: string } | null>(null);

  useEffect(() => {
    if (photo === null) {
      return;
    }
    const objectUrl = URL.createObjectURL(photo);
    // The object URL is an external resource made and revoked by this effect; the state only mirrors it.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setShown({ photo, url: objectUrl });
    return () => {
      URL.revokeObjectURL(objectUrl);
    };
  }, [photo]);

  const url = shown !== null && shown.photo === photo ? shown.url : null;

  if (url === null) {
    return (
      <div className="photo photo-placeholder" role="img" aria-label={`No photo for ${name}`}>
        {initialsOf(name)}
      </div>
    );
  }
  return <img className="photo" src={url} alt={`Photo of ${name}`} />;
}

function initialsOf(name: string): string {
  return name
    .split(/\s+/)
    .filter((part) => part.length > 0)
    .slice(0, 2)
    .map((part) => part.charAt(0).toUpperCase())
    .join("");
}

/** What the card says about a failed Graph call: Graph answering with an error, or not answering at all. */
function graphFailure(error: GraphError | TypeError) {
  if (error instanceof GraphError) {
    return {
      title: "Microsoft Graph could not show your profile",
      summary: `Microsoft Graph answered with an error (HTTP ${String(error.status)}). You are still signed in; try again, and if it keeps failing, send the code below to your administrator.`,
      details: { message: error.message, errorCode: error.code },
    };
  }
  // fetch rejects with a TypeError ("Failed to fetch") when no answer came: offline, DNS, TLS, or Graph down.
  return {
    title: "Microsoft Graph cannot be reached",
    summary:
      "This browser could not connect to Microsoft Graph, so your profile cannot be shown. You are still signed in: check your connection, then try again.",
    details: { message: error.message },
  };
}
