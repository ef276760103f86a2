import { useState } from "react";
import { InteractionStatus } from "@azure/msal-browser";
import { useMsal } from "@azure/msal-react";
import { signOut } from "../auth/signOut";
import { useBootstrap } from "../bootstrap/BootstrapContext";

/**
 * Clears MSAL's browser cache, then posts to the server's sign-out with the antiforgery token. Enabled only while no
 * MSAL interaction (start-up, a sign-in redirect) is in progress.
 */
export function SignOutButton() {
  const { instance, inProgress } = useMsal();
  const { signOut: config } = useBootstrap();
  const [signingOut, setSigningOut] = useState(false);

  const onClick = () => {
    setSigningOut(true);
    void signOut(instance, config, document);
  };

  return (
    <button
      type="button"
      className="sign-out"
      onClick={onClick}
      disabled={signingOut || inProgress !== InteractionStatus.None}
    >
      {signingOut ? "Signing out…" : "Sign out"}
    </button>
  );
}
