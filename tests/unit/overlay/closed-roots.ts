/**
 * Our hosts' shadow roots are closed (define-host.ts): `el.shadowRoot` is null, and the content
 * script reaches its content only through the Host it kept. A test that has only the page's elements
 * (a session places its own hosts) keeps each root as it is attached, by wrapping `attachShadow` until
 * `vi.restoreAllMocks()` — production ships no such accessor.
 */
import { vi } from "vitest";

/** Call before the hosts are created; the returned lookup gives a host's closed root. */
export function keepShadowRoots(): (host: Element | null) => ShadowRoot {
  const roots = new WeakMap<Element, ShadowRoot>();
  const attach = Element.prototype.attachShadow;
  vi.spyOn(Element.prototype, "attachShadow").mockImplementation(function (this: Element, init: ShadowRootInit) {
    const root = attach.call(this, init);
    roots.set(this, root);
    return root;
  });
  return (host) => {
    const root = host && roots.get(host);
    if (!root)
      throw new Error(
        "no shadow root kept for this element: not one of our hosts, or created before keepShadowRoots()",
      );
    return root;
  };
}
