import type { ReactNode } from "react";
import { useAccount, useIsAuthenticated } from "@azure/msal-react";
import { SignOutButton } from "./SignOutButton";

/** The pages of the app, the same in the server's header (src/HybridSpa.Web/Views/Shared/_Header.cshtml). */
const NAVIGATION = [
  { href: "/", label: "Home" },
  { href: "/profile", label: "Profile" },
  { href: "/profile/mail", label: "Mail" },
] as const;

/**
 * The page frame, the same as the server pages' (one stylesheet, one header): app name, navigation, who is signed in,
 * sign-out (always offered: the server session exists). The name is the user's own choice, so it is isolated (<bdi>):
 * a right-to-left override in it cannot reorder the text around it.
 */
export function PageLayout({ children }: { children: ReactNode }) {
  const account = useAccount();
  const isAuthenticated = useIsAuthenticated();

  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="page-header">
        <a className="app-name" href="/">
          HybridSpa
        </a>
        <nav aria-label="Main">
          <ul className="nav">
            {NAVIGATION.map(({ href, label }) => (
              <li key={href}>
                <a href={href} aria-current={href === "/" ? "page" : undefined}>
                  {label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        {isAuthenticated && account !== null && (
          <bdi className="signed-in-as">{account.name ?? account.username}</bdi>
        )}
        <SignOutButton />
      </header>
      <main id="main" className="page-main">
        <h1 className="page-title">Your profile, from the browser</h1>
        {children}
      </main>
    </>
  );
}
