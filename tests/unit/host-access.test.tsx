// @vitest-environment happy-dom
/**
 * The notice that asks for access to Upwork when the browser has not given it (Firefox's MV3 host
 * permissions are optional): silent while access is there, the reason and a button otherwise, the
 * request made within the click, and grants or withdrawals made elsewhere followed. (Real Firefox:
 * tests/firefox/host-access.test.ts.)
 */
import { afterEach, describe, expect, it } from "vitest";
import { render } from "preact";
import { act } from "preact/test-utils";
import { HostAccessNotice, siteNames, type PermissionsLike } from "../../src/shared/host-access";

const ORIGINS = ["https://www.upwork.com/*"];

function fakePermissions(granted: boolean, answer = true) {
  const listeners = { added: new Set<() => void>(), removed: new Set<() => void>() };
  const requests: Array<{ origins: string[]; duringClick: boolean }> = [];
  let inClick = false;
  const permissions: PermissionsLike = {
    contains: async () => granted,
    request: async (p) => {
      requests.push({ ...p, duringClick: inClick });
      if (answer) granted = true;
      return answer;
    },
    onAdded: { addListener: (l) => listeners.added.add(l), removeListener: (l) => listeners.added.delete(l) },
    onRemoved: { addListener: (l) => listeners.removed.add(l), removeListener: (l) => listeners.removed.delete(l) },
  };
  return {
    permissions,
    requests,
    listeners,
    set(value: boolean) {
      granted = value;
      for (const l of value ? listeners.added : listeners.removed) l();
    },
    /** A click as the browser delivers it: the request counts only if made before the handler returns. */
    click(el: Element) {
      inClick = true;
      try {
        (el as HTMLElement).click();
      } finally {
        inClick = false;
      }
    },
  };
}

const settle = () => act(async () => new Promise((done) => setTimeout(done)));

let root: HTMLElement;
async function mount(fake: ReturnType<typeof fakePermissions>) {
  root = document.createElement("div");
  document.body.append(root);
  await act(() => render(<HostAccessNotice class="hint" permissions={fake.permissions} origins={ORIGINS} />, root));
  await settle();
}
afterEach(() => {
  render(null, root);
  root.remove();
});

const notice = () => root.querySelector("[data-testid=host-access]");

describe("the host access notice", () => {
  it("shows nothing while access is granted", async () => {
    await mount(fakePermissions(true));
    expect(root.childElementCount).toBe(0);
  });

  it("without access: says what is missing and why, and asks within the user's click", async () => {
    const fake = fakePermissions(false);
    await mount(fake);
    expect(notice()?.getAttribute("data-iw-host-access")).toBe("missing");
    expect(notice()?.textContent).toMatch(/not given Invitewise access to www\.upwork\.com.*no scores on Upwork/);
    fake.click(root.querySelector("[data-testid=host-access-request]")!);
    await settle();
    expect(fake.requests).toEqual([{ origins: ORIGINS, duringClick: true }]);
    expect(notice()?.getAttribute("data-iw-host-access")).toBe("given");
    expect(notice()?.textContent).toMatch(/Reload the Upwork tabs/);
  });

  it("a refused request says Invitewise stays off, and the button stays", async () => {
    const fake = fakePermissions(false, false);
    await mount(fake);
    fake.click(root.querySelector("[data-testid=host-access-request]")!);
    await settle();
    expect(notice()?.textContent).toMatch(/Not given: Invitewise stays off on Upwork/);
    expect(root.querySelector("[data-testid=host-access-request]")).not.toBeNull();
  });

  it("follows access given or withdrawn elsewhere while it is open", async () => {
    const fake = fakePermissions(true);
    await mount(fake);
    await act(() => fake.set(false));
    await settle();
    expect(notice()?.getAttribute("data-iw-host-access")).toBe("missing");
    await act(() => fake.set(true));
    await settle();
    expect(root.childElementCount).toBe(0);
  });

  it("names the sites as the user knows them", () => {
    expect(siteNames(["https://www.upwork.com/*", "*://example.com/path/*"])).toBe("www.upwork.com, example.com");
  });
});
