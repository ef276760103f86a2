import { describe, expect, it } from "vitest";
import { explainTokenError } from "./errorRemedy";

describe("explainTokenError", () => {
  it.each(["post_request_failed", "no_network_connectivity", "network_error"])(
    "%s: says the identity provider could not be reached and offers to try again",
    (errorCode) => {
      const explanation = explainTokenError({ aadstsCode: null, errorCode });

      expect(explanation.summary).toMatch(/could not be reached/);
      expect(explanation.remedy).toBe("try-again");
    },
  );

  it.each([
    { aadstsCode: "700084", errorCode: "invalid_grant" },
    { aadstsCode: "54005", errorCode: "invalid_grant" },
    { aadstsCode: null, errorCode: "no_tokens_found" },
  ])("a spent grant ($aadstsCode, $errorCode): says the sign-in expired and offers to sign in again", (details) => {
    const explanation = explainTokenError(details);

    expect(explanation.summary).toMatch(/expired/);
    expect(explanation.remedy).toBe("sign-in-again");
  });

  it("a claims challenge that keeps coming back: says Graph keeps asking, and offers to try again later, not a redirect", () => {
    const explanation = explainTokenError({ aadstsCode: null, errorCode: "insufficient_claims" });

    expect(explanation.summary).toMatch(/keeps asking/);
    expect(explanation.remedy).toBe("try-again");
  });

  it("a claims challenge that cannot be read: says it was not followed and offers to try again", () => {
    const explanation = explainTokenError({ aadstsCode: null, errorCode: "invalid_claims_challenge" });

    expect(explanation.summary).toMatch(/cannot read/);
    expect(explanation.remedy).toBe("try-again");
  });

  it("anything else the identity provider refused: says so and offers to try again", () => {
    const explanation = explainTokenError({ aadstsCode: "9002326", errorCode: "invalid_request" });

    expect(explanation.summary).toMatch(/refused/);
    expect(explanation.remedy).toBe("try-again");
  });
});
