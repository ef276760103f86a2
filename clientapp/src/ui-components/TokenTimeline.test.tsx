import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { TokenTimeline } from "./TokenTimeline";

describe("TokenTimeline", () => {
  it("after acquireTokenByCode says the token came from the SPA code in one request, with milliseconds", () => {
    render(<TokenTimeline steps={[{ source: "spa-code", requests: 1, durationMs: 41.6 }]} />);

    expect(screen.getByText("SPA code, 1 request to the identity provider.")).toBeInTheDocument();
    expect(screen.getByRole("listitem")).toHaveTextContent("SPA code · 1 request · 42 ms");
  });

  it("lists a redirect sign-in followed by a cache hit, step by step", () => {
    render(
      <TokenTimeline
        steps={[
          { source: "redirect", requests: 1, durationMs: 120 },
          { source: "cache", requests: 0, durationMs: 2 },
        ]}
      />,
    );

    expect(screen.getByText("Redirect sign-in, 1 request to the identity provider.")).toBeInTheDocument();
    const steps = screen.getAllByRole("listitem");
    expect(steps.map((step) => step.dataset.source)).toEqual(["redirect", "cache"]);
    expect(steps[1]).toHaveTextContent("Cache · no request · 2 ms");
  });

  it("names a refresh-token renewal", () => {
    render(<TokenTimeline steps={[{ source: "refresh-token", requests: 1, durationMs: 80 }]} />);

    expect(screen.getByRole("listitem")).toHaveTextContent("Refresh token · 1 request · 80 ms");
  });
});
