import { useState } from "react";
import { InteractionStatus } from "@azure/msal-browser";
import { useMsal } from "@azure/msal-react";
import { signOut, SignOutError } from "../auth/signOut";
import { useBootstrap } from "../bootstrap/BootstrapContext";

type SignOutState = { readonly kind: "idle" } | { readonly kind: "signing-out" } | { readonly kind: "failed"; readonly message: string };

/**
 * Signs out through the server (auth/signOut.ts). Enabled only while no MSAL interaction (start-up, a sign-in redirect)
 * is in progress; if the server cannot prepare the sign-out, says so and can be pressed again.
 */
export function SignOutButton() {
  const { instance, inProgress } = useMsal();
  const { signOut: config } = useBootstrap();
  const [state, setState] = useState<SignOutState>({ kind: "idle" });

  const onClick = () => {
    setState({ kind: "signing-out" });
    signOut(instance, config, document).catch((error: unknown) => {
      setState({ kind: "failed", message: error instanceof SignOutError ? error.message : "Sign-out failed. Try again." });
    });
  };

  return (
    <div className="sign-out-form">
      {state.kind === "failed" && (
        <span className="sign-out-error" role="alert">
          {state.message}
        </span>
      )}
      <button
        type="button"
        className="sign-out"
        onClick={onClick}
        disabled={state.kind === "signing-out" || inProgress !== InteractionStatus.None}
      >
        {state.kind === "signing-out" ? "Signing out…" : "Sign out"}
      </button>
    </div>
  );
}
