import { describe, expect, it } from "vitest";
import { aFakeMsal, aTokenResult } from "../test/fakes";
import { redeemSpaCodeOnce } from "./spaCodeRedemption";

describe("redeemSpaCodeOnce", () => {
  it("posts a code to /token once however many callers ask for it", async () => {
    const msal = aFakeMsal();

    const [first, second] = await Promise.all([
      redeemSpaCodeOnce(msal, "shared-code", ["User.Read"]),
      redeemSpaCodeOnce(msal, "shared-code", ["User.Read"]),
    ]);
    const later = await redeemSpaCodeOnce(msal, "shared-code", ["User.Read"]);

    expect(msal.acquireTokenByCode).toHaveBeenCalledTimes(1);
    expect(second).toBe(first);
    expect(later).toBe(first);
  });

  it("redeems a different code separately", async () => {
    const msal = aFakeMsal();
    msal.acquireTokenByCode.mockResolvedValue(aTokenResult());

    await redeemSpaCodeOnce(msal, "code-a", ["User.Read"]);
    await redeemSpaCodeOnce(msal, "code-b", ["User.Read"]);

    expect(msal.acquireTokenByCode).toHaveBeenCalledTimes(2);
  });
});
