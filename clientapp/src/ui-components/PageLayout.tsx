import type { ReactNode } from "react";
import { useAccount, useIsAuthenticated } from "@azure/msal-react";
import { useBootstrap } from "../bootstrap/BootstrapContext";
import { SignOutButton } from "./SignOutButton";

/**
 * The page frame, the same as the server pages' (one stylesheet, one header): app name, navigation, who is signed in,
 * sign-out (always offered: the server session exists). The name is the user's own choice, so it is isolated (<bdi>):
 * a right-to-left override in it cannot reorder the text around it.
 */
export function PageLayout({ children }: { children: ReactNode }) {
  const account = useAccount();
  const isAuthenticated = useIsAuthenticated();
  const { pages } = useBootstrap();
  // The same links as the server's header (src/HybridSpa.Web/Views/Shared/_Header.cshtml), from the same route constants.
  const navigation = [
    { href: pages.home, label: "Home" },
    { href: pages.profile, label: "Profile" },
    { href: pages.profileMail, label: "Mail" },
  ];

  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="page-header">
        <a className="app-name" href={pages.home}>
          HybridSpa
        </a>
        <nav aria-label="Main">
          <ul className="nav">
            {navigation.map(({ href, label }) => (
              <li key={href}>
                <a href={href} aria-current={href === pages.home ? "page" : undefined}>
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
