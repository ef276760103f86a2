import { describe, expect, it } from "vitest";
import { anAccount } from "../test/fakes";
import type { AuthErrorDetails } from "./errorActions";
import {
  INITIAL_TOKEN_BOOTSTRAP_STATE,
  tokenBootstrapReducer,
  type TokenBootstrapEvent,
  type TokenBootstrapState,
} from "./tokenBootstrapState";
import type { TimelineStep } from "./firstToken";

const account = anAccount();
const details: AuthErrorDetails = { aadstsCode: "50000", errorCode: "server_error", correlationId: null, message: "down" };
const redirectStep: TimelineStep = { source: "redirect", requests: 1, durationMs: 30 };
const codeStep: TimelineStep = { source: "spa-code", requests: 1, durationMs: 12 };

const states = {
  acquiring: { status: "acquiring", attempt: 1, timeline: [redirectStep] },
  redirectingToSignIn: { status: "redirecting", destination: "sign-in", attempt: 1, timeline: [redirectStep] },
  redirectingForCode: { status: "redirecting", destination: "fresh-spa-code", attempt: 1, timeline: [redirectStep] },
  ready: { status: "ready", account, attempt: 1, timeline: [redirectStep] },
  error: { status: "error", details, attempt: 1, timeline: [redirectStep] },
} satisfies Record<string, TokenBootstrapState>;

const events = {
  tokenAcquired: { type: "token-acquired", account, steps: [codeStep] },
  signInRequired: { type: "sign-in-required" },
  freshSpaCodeRequired: { type: "fresh-spa-code-required" },
  failed: { type: "failed", details },
  retryRequested: { type: "retry-requested" },
} satisfies Record<string, TokenBootstrapEvent>;

type StateName = keyof typeof states;
type EventName = keyof typeof events;

/** Every (state, event) pair and the state it leads to; "same" means the event is ignored. */
const transitions: readonly [StateName, EventName, TokenBootstrapState | "same"][] = [
  ["acquiring", "tokenAcquired", { status: "ready", account, attempt: 1, timeline: [redirectStep, codeStep] }],
  ["acquiring", "signInRequired", states.redirectingToSignIn],
  ["acquiring", "freshSpaCodeRequired", states.redirectingForCode],
  ["acquiring", "failed", states.error],
  ["acquiring", "retryRequested", "same"],
  ["redirectingToSignIn", "tokenAcquired", "same"],
  ["redirectingToSignIn", "signInRequired", "same"],
  ["redirectingToSignIn", "freshSpaCodeRequired", "same"],
  ["redirectingToSignIn", "failed", states.error],
  ["redirectingToSignIn", "retryRequested", "same"],
  ["redirectingForCode", "tokenAcquired", "same"],
  ["redirectingForCode", "signInRequired", "same"],
  ["redirectingForCode", "freshSpaCodeRequired", "same"],
  ["redirectingForCode", "failed", "same"],
  ["redirectingForCode", "retryRequested", "same"],
  ["ready", "tokenAcquired", "same"],
  ["ready", "signInRequired", "same"],
  ["ready", "freshSpaCodeRequired", "same"],
  ["ready", "failed", "same"],
  ["ready", "retryRequested", "same"],
  ["error", "tokenAcquired", "same"],
  ["error", "signInRequired", "same"],
  ["error", "freshSpaCodeRequired", "same"],
  ["error", "failed", "same"],
  ["error", "retryRequested", { status: "acquiring", attempt: 2, timeline: [redirectStep] }],
];

describe("tokenBootstrapReducer", () => {
  it("starts acquiring, as attempt 0 with an empty timeline", () => {
    expect(INITIAL_TOKEN_BOOTSTRAP_STATE).toEqual({ status: "acquiring", attempt: 0, timeline: [] });
  });

  it("lists every state and event in the table", () => {
    const covered = new Set(transitions.map(([state, event]) => `${state} × ${event}`));
    const all = Object.keys(states).flatMap((state) => Object.keys(events).map((event) => `${state} × ${event}`));

    expect([...covered].sort()).toEqual(all.sort());
  });

  it.each(transitions)("%s × %s", (stateName, eventName, expected) => {
    const state = states[stateName];

    const next = tokenBootstrapReducer(state, events[eventName]);

    if (expected === "same") {
      expect(next).toBe(state);
    } else {
      expect(next).toEqual(expected);
    }
  });
});
