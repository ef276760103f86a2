import { useEffect, useState } from "react";
import { describeAuthError } from "../auth/errorActions";
import { GraphError, type GraphClient, type GraphUser } from "../graph/graphClient";
import { ErrorScreen } from "./ErrorScreen";
import { Loading } from "./Loading";

type ProfileState =
  | { readonly status: "loading" }
  | { readonly status: "loaded"; readonly user: GraphUser; readonly photo: Blob | null }
  | { readonly status: "failed"; readonly error: unknown };

/** The signed-in user's Graph profile (`/me`) and photo (`/me/photo/$value`, a placeholder when there is none). */
export function ProfileCard({ graph }: { graph: GraphClient }) {
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<ProfileState>({ status: "loading" });

  useEffect(() => {
    let cancelled = false;
    Promise.all([graph.getMe(), graph.getMyPhoto()]).then(
      ([user, photo]) => {
        if (!cancelled) {
          setState({ status: "loaded", user, photo });
        }
      },
      (error: unknown) => {
        if (!cancelled) {
          setState({ status: "failed", error });
        }
      },
    );
    return () => {
      cancelled = true;
    };
  }, [graph, attempt]);

  switch (state.status) {
    case "loading":
      return <Loading message="Loading your profile from Microsoft Graph…" />;
    case "failed":
      return (
        <ErrorScreen
          {...graphFailure(state.error)}
          action={{
            label: "Try again",
            onAction: () => {
              setState({ status: "loading" });
              setAttempt((previous) => previous + 1);
            },
          }}
        />
      );
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
function graphFailure(error: unknown) {
  if (error instanceof GraphError) {
    return {
      title: "Microsoft Graph could not show your profile",
      summary: `Microsoft Graph answered with an error (HTTP ${String(error.status)}). You are still signed in; try again, and if it keeps failing, send the code below to your administrator.`,
      details: { message: error.message, errorCode: error.code },
    };
  }
  if (error instanceof TypeError) {
    // fetch rejects with a TypeError ("Failed to fetch") when no answer came: offline, DNS, TLS, or Graph down.
    return {
      title: "Microsoft Graph cannot be reached",
      summary:
        "This browser could not connect to Microsoft Graph, so your profile cannot be shown. You are still signed in: check your connection, then try again.",
      details: { message: error.message },
    };
  }
  return {
    title: "Your profile could not be loaded",
    summary: "The app could not get a token for Microsoft Graph. Try again; if it keeps failing, sign out and in again.",
    details: describeAuthError(error),
  };
}
