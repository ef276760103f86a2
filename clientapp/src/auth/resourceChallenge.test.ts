import { describe, expect, it } from "vitest";
import { MAX_CLAIMS_LENGTH, resourceChallengeOf } from "./resourceChallenge";

const CLAIMS = '{"access_token":{"nbf":{"essential":true,"value":"1604106651"}}}';
const base64 = (text: string) => btoa(String.fromCharCode(...new TextEncoder().encode(text)));
/** Graph's header, as real Graph sends it for a CAE revocation. */
const graphHeader = (claims: string) =>
  `Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", client_id="00000003-0000-0000-c000-000000000000", error="insufficient_claims", claims="${claims}"`;

describe("reading a resource's 401 challenge", () => {
  it("is no challenge when the status is not 401", () => {
    expect(resourceChallengeOf(200, null)).toBeNull();
    expect(resourceChallengeOf(403, graphHeader(base64(CLAIMS)))).toBeNull();
  });

  it("returns the decoded claims JSON of Graph's insufficient_claims challenge", () => {
    expect(resourceChallengeOf(401, graphHeader(base64(CLAIMS)))).toEqual({ kind: "claims", claims: CLAIMS });
  });

  it("accepts base64url claims and unquoted, differently cased parameters", () => {
    const url = base64('{"id_token":{"acrs":{"essential":true,"value":"c1"}}}').replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
    expect(resourceChallengeOf(401, `bearer Error=insufficient_claims, Claims=${url}`)).toEqual({
      kind: "claims",
      claims: '{"id_token":{"acrs":{"essential":true,"value":"c1"}}}',
    });
  });

  it("reads the Bearer challenge when another scheme comes first", () => {
    expect(resourceChallengeOf(401, `PoP nonce="abc", Bearer error="insufficient_claims", claims="${base64(CLAIMS)}"`)).toEqual({
      kind: "claims",
      claims: CLAIMS,
    });
  });

  it("asks for a fresh token on a 401 without a claims challenge", () => {
    expect(resourceChallengeOf(401, null)).toEqual({ kind: "fresh-token" });
    expect(resourceChallengeOf(401, 'Bearer error="invalid_token"')).toEqual({ kind: "fresh-token" });
  });

  it.each([
    ["no claims", 'Bearer error="insufficient_claims"'],
    ["empty claims", 'Bearer error="insufficient_claims", claims=""'],
    ["claims that are not base64", 'Bearer error="insufficient_claims", claims="not base64!"'],
    ["claims that are base64 of something not JSON", `Bearer error="insufficient_claims", claims="${base64("<script>")}"`],
    ["claims that are a JSON array", `Bearer error="insufficient_claims", claims="${base64("[1,2]")}"`],
    ["claims that are a JSON string", `Bearer error="insufficient_claims", claims="${base64('"text"')}"`],
    ["claims that are not UTF-8", `Bearer error="insufficient_claims", claims="${btoa("\u00ff\u00fe{}")}"`],
    ["oversized claims", graphHeader(base64(`{"x":"${"a".repeat(MAX_CLAIMS_LENGTH)}"}`))],
  ])("calls %s malformed", (_, header) => {
    expect(resourceChallengeOf(401, header)).toMatchObject({ kind: "malformed-claims" });
  });
});
