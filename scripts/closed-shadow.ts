/**
 * Reaching into our hosts' closed shadow roots from outside the extension, as the real-browser tests
 * and the demo must. A page script cannot (`host.shadowRoot` is null: define-host.ts), nor can
 * Playwright's locators, which pierce open roots only. The DevTools protocol can: `DOM.getDocument`
 * with `pierce` lists each host's shadow root, `DOM.resolveNode` makes it an object of the page's
 * main world, and `Runtime.callFunctionOn` runs a function with that root as `this`.
 *
 * Each call reads the DOM afresh, as a snapshot: to wait for something, poll (`waitForShadow`).
 */
import type { CDPSession, Page } from "playwright-core";
import { pollUntil } from "./poll";

/**
 * Runs in the page's main world with the shadow root as `this`: it is sent as source text, so it must
 * be self-contained (no imports, no closures over Node values) and its argument and result plain data.
 */
export type ShadowFunction<R, A> = (this: ShadowRoot, arg: A) => R;

/** The part of a CDP DOM.Node this module reads. */
interface DomNode {
  nodeId: number;
  backendNodeId: number;
  children?: DomNode[];
  shadowRoots?: DomNode[];
}

const sessions = new WeakMap<Page, Promise<CDPSession>>();

/** One CDP session per page, opened on first use. */
function cdp(page: Page): Promise<CDPSession> {
  let session = sessions.get(page);
  if (!session) sessions.set(page, (session = page.context().newCDPSession(page)));
  return session;
}

/** The objects one call resolves, released together when it ends. */
const OBJECT_GROUP = "invitewise-closed-shadow";

/**
 * The function as a declaration for callFunctionOn. tsx (the demo, the benchmark) compiles with
 * esbuild's keepNames, which wraps named inner functions in a `__name` helper the page does not have.
 */
const declaration = (fn: ShadowFunction<unknown, never>) =>
  `function (arg) { const __name = (f) => f; return (${fn.toString()}).call(this, arg); }`;

async function callInShadows<R, A>(
  page: Page,
  hostSelector: string,
  fn: ShadowFunction<R, A>,
  arg: A,
  firstOnly: boolean,
): Promise<Array<Awaited<R>>> {
  const session = await cdp(page);
  try {
    const { root } = (await session.send("DOM.getDocument", { depth: -1, pierce: true })) as { root: DomNode };
    const { nodeIds } = await session.send("DOM.querySelectorAll", { nodeId: root.nodeId, selector: hostSelector });
    if (firstOnly && nodeIds.length === 0) throw new Error(`no element matches ${hostSelector}`);
    const nodes = new Map<number, DomNode>();
    const index = (node: DomNode): void => {
      nodes.set(node.nodeId, node);
      for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) index(child);
    };
    index(root);
    const values: Array<Awaited<R>> = [];
    for (const nodeId of firstOnly ? nodeIds.slice(0, 1) : nodeIds) {
      const shadowRoot = nodes.get(nodeId)?.shadowRoots?.[0];
      if (!shadowRoot) throw new Error(`${hostSelector} has no shadow root`);
      const { object } = await session.send("DOM.resolveNode", {
        backendNodeId: shadowRoot.backendNodeId,
        objectGroup: OBJECT_GROUP,
      });
      const { result, exceptionDetails } = await session.send("Runtime.callFunctionOn", {
        objectId: object.objectId!,
        functionDeclaration: declaration(fn as ShadowFunction<unknown, never>),
        arguments: [{ value: arg }],
        returnByValue: true,
        awaitPromise: true,
        objectGroup: OBJECT_GROUP,
      });
      if (exceptionDetails)
        throw new Error(
          `in the shadow root of ${hostSelector}: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`,
        );
      values.push(result.value as Awaited<R>);
    }
    return values;
  } finally {
    await session.send("Runtime.releaseObjectGroup", { objectGroup: OBJECT_GROUP }).catch(() => undefined);
    // Off between calls: with the whole tree known, the DOM agent would report every mutation of the page.
    await session.send("DOM.disable").catch(() => undefined);
  }
}

/** `fn` run in the shadow root of the first element matching `hostSelector` (throws when there is none). */
export async function inShadow<R, A = undefined>(
  page: Page,
  hostSelector: string,
  fn: ShadowFunction<R, A>,
  arg?: A,
): Promise<Awaited<R>> {
  return (await callInShadows(page, hostSelector, fn, arg as A, true))[0]!;
}

/** `fn` run in the shadow root of every element matching `hostSelector`, in document order. */
export function inEveryShadow<R, A = undefined>(
  page: Page,
  hostSelector: string,
  fn: ShadowFunction<R, A>,
  arg?: A,
): Promise<Array<Awaited<R>>> {
  return callInShadows(page, hostSelector, fn, arg as A, false);
}

/** Polls `fn` in the first host's shadow root until it returns a truthy value (or the host appears), and returns it. */
export async function waitForShadow<R, A = undefined>(
  page: Page,
  hostSelector: string,
  fn: ShadowFunction<R, A>,
  arg?: A,
  timeout = 10_000,
): Promise<NonNullable<Awaited<R>>> {
  return pollUntil(`waitForShadow(${hostSelector})`, () => inShadow(page, hostSelector, fn, arg), timeout);
}

/**
 * Run inside a host's root (both browsers' harnesses): the centre of the first `selector` match
 * (whose text is exactly `text`, when given), once its box is still for a frame, and what covers
 * that point, if anything; null while there is no such element.
 */
export const clickTarget: ShadowFunction<
  Promise<{ x: number; y: number; covered: string | null } | null>,
  { selector: string; text: string | null }
> = async function (this: ShadowRoot, { selector, text }: { selector: string; text: string | null }) {
  let box = "";
  for (let frame = 0; frame < 20; frame++) {
    const el = [...this.querySelectorAll(selector)].find((e) => text === null || e.textContent?.trim() === text);
    if (!el) return null;
    el.scrollIntoView({ block: "nearest", inline: "nearest" });
    const r = el.getBoundingClientRect();
    const x = r.left + r.width / 2;
    const y = r.top + r.height / 2;
    if (r.width > 0 && `${r.x},${r.y},${r.width},${r.height}` === box) {
      const hit = this.elementFromPoint(x, y);
      return {
        x,
        y,
        covered: !hit || !el.contains(hit) ? (hit ? `<${hit.localName} class="${hit.className}">` : "nothing") : null,
      };
    }
    box = `${r.x},${r.y},${r.width},${r.height}`;
    await new Promise((done) => requestAnimationFrame(() => setTimeout(done)));
  }
  return null;
};

/**
 * Clicks an element inside a host's shadow root the way a user does: with the mouse (a trusted
 * event, `isTrusted === true`), at the centre of its box once that box is still for a frame (the panel
 * docks after it renders), and only if that point is not covered. `text`: the first match whose text
 * is exactly this, e.g. `clickInShadow(page, "[data-iw-panel]", "button", "Draft reply")`.
 */
export async function clickInShadow(
  page: Page,
  hostSelector: string,
  innerSelector: string,
  text?: string,
): Promise<void> {
  const target = await waitForShadow(page, hostSelector, clickTarget, { selector: innerSelector, text: text ?? null });
  const what = `${innerSelector}${text === undefined ? "" : ` "${text}"`} in ${hostSelector}`;
  if (target.covered) throw new Error(`${what} is covered: the mouse would hit ${target.covered}`);
  await page.mouse.click(target.x, target.y);
}
