import "@testing-library/jest-dom/vitest";
import { cleanup } from "@testing-library/react";
import { afterEach, beforeEach, vi } from "vitest";

beforeEach(() => {
  // jsdom has no object URLs; the profile photo needs them.
  URL.createObjectURL = vi.fn(() => "blob:http://localhost:3000/photo");
  URL.revokeObjectURL = vi.fn();
});

afterEach(() => {
  cleanup();
  window.sessionStorage.clear();
});
