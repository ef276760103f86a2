import { describe, expect, it } from "vitest";
import {
  canAttemptFreshSpaCode,
  forgetFreshSpaCodeAttempts,
  FRESH_SPA_CODE_MIN_INTERVAL_MS,
  recordFreshSpaCodeAttempt,
} from "./freshSpaCodeGuard";

describe("the fresh-SPA-code loop guard", () => {
  const now = 1_800_000_000_000;

  it("allows the first automatic attempt", () => {
    expect(canAttemptFreshSpaCode(sessionStorage, now)).toBe(true);
  });

  it("refuses a second attempt within the interval", () => {
    recordFreshSpaCodeAttempt(sessionStorage, now);

    expect(canAttemptFreshSpaCode(sessionStorage, now + FRESH_SPA_CODE_MIN_INTERVAL_MS - 1)).toBe(false);
  });

  it("allows another attempt once the interval has passed", () => {
    recordFreshSpaCodeAttempt(sessionStorage, now);

    expect(canAttemptFreshSpaCode(sessionStorage, now + FRESH_SPA_CODE_MIN_INTERVAL_MS)).toBe(true);
  });

  it("starts over after sign-out", () => {
    recordFreshSpaCodeAttempt(sessionStorage, now);
    forgetFreshSpaCodeAttempts(sessionStorage);

    expect(canAttemptFreshSpaCode(sessionStorage, now + 1)).toBe(true);
  });
});
