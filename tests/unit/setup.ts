/**
 * Unit tests run in Node, where webextension-polyfill refuses to load ("only in a browser
 * extension"). Modules import it at the top; the tests hand every function its storage or transport,
 * so an empty stand-in is all the import needs. Real extension APIs are tested in tests/browser/.
 */
import { vi } from "vitest";

vi.mock("webextension-polyfill", () => ({ default: {} }));
