/**
 * Unit tests run in Node, where webextension-polyfill refuses to load ("only in a browser
 * extension"). Modules import it at the top; the tests hand every function its storage or transport,
 * so an empty stand-in is all the import needs. Real extension APIs are tested in tests/browser/.
 */
import fc from "fast-check";
import { vi } from "vitest";

vi.mock("webextension-polyfill", () => ({ default: {} }));

/**
 * Property tests run on a fixed seed so CI is repeatable; explore new cases with
 * `FC_SEED=<n> npx vitest run --project unit` (a failure prints its seed and path to replay).
 */

fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 20261127) });
