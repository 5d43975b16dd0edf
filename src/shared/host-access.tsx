/**
 * Access to Upwork's pages: the manifest's `host_permissions`, the only sites Invitewise reads.
 * Chrome grants them with the install. Firefox treats MV3 host permissions as optional: the user may
 * leave them ungranted and can withdraw them at any time (its extensions menu, about:addons), as
 * Chrome's "site access" can. Without them no content script runs on Upwork (no badges, no panel,
 * nothing new to draft from) and Insert cannot reach the tab. Nothing else says so, so the popup and
 * the options page show this notice, and ask again on the user's click — `permissions.request` is
 * refused outside one.
 */
import { useEffect, useState } from "preact/hooks";
import browser from "webextension-polyfill";

interface Origins {
  origins: string[];
}

/** The part of `browser.permissions` the notice uses; tests pass a fake. */
export interface PermissionsLike {
  contains(permissions: Origins): Promise<boolean>;
  request(permissions: Origins): Promise<boolean>;
  onAdded: { addListener(listener: () => void): void; removeListener(listener: () => void): void };
  onRemoved: { addListener(listener: () => void): void; removeListener(listener: () => void): void };
}

/** The manifest's host permissions, read at run time so that manifest.json stays their one home. */
export function upworkOrigins(): string[] {
  return browser.runtime.getManifest().host_permissions ?? [];
}

/** "https://www.upwork.com/*" → "www.upwork.com", for the user to read. */
export function siteNames(origins: string[]): string {
  return origins.map((origin) => /^[^:]+:\/\/([^/]+)/.exec(origin)?.[1] ?? origin).join(", ");
}

type Access = "checking" | "granted" | "missing" | "given" | "refused" | { error: string };

/**
 * Nothing while access is there (or being checked); otherwise what is missing, why it matters, and
 * the button that asks. It follows grants and withdrawals made elsewhere while it is open.
 */
export function HostAccessNotice(props: { class: string; permissions?: PermissionsLike; origins?: string[] }) {
  const permissions = props.permissions ?? browser.permissions;
  const origins = props.origins ?? upworkOrigins();
  const [access, setAccess] = useState<Access>("checking");

  useEffect(() => {
    const check = () =>
      void permissions.contains({ origins }).then(
        (has) => setAccess((now) => (has ? (now === "given" ? now : "granted") : "missing")),
        (e: unknown) => setAccess({ error: e instanceof Error ? e.message : String(e) }),
      );
    check();
    permissions.onAdded.addListener(check);
    permissions.onRemoved.addListener(check);
    return () => {
      permissions.onAdded.removeListener(check);
      permissions.onRemoved.removeListener(check);
    };
    // Subscribed once for the notice's life: the permissions API and the origins do not change.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  if (access === "checking" || access === "granted") return null;
  const sites = siteNames(origins);
  if (access === "given")
    return (
      <p class={props.class} role="status" data-testid="host-access" data-iw-host-access="given">
        Access to {sites} given. Reload the Upwork tabs you have open to see scores and drafts there.
      </p>
    );
  return (
    <section
      class={props.class}
      aria-labelledby="host-access-title"
      data-testid="host-access"
      data-iw-host-access="missing"
    >
      <h2 id="host-access-title">Invitewise can't read Upwork pages</h2>
      <p>
        Your browser has not given Invitewise access to {sites}. Firefox asks for it apart from the install, and it can
        be turned off in the browser's extensions menu. Without it there are no scores on Upwork, nothing new to draft
        from, and Insert can't fill the proposal form. Invitewise reads only {sites} and sends nothing anywhere.
      </p>
      <button
        type="button"
        class="primary"
        data-testid="host-access-request"
        onClick={() => {
          // Called within the click, before anything is awaited: the browser refuses the request otherwise.
          permissions.request({ origins }).then(
            (given) => setAccess(given ? "given" : "refused"),
            (e: unknown) => setAccess({ error: e instanceof Error ? e.message : String(e) }),
          );
        }}
      >
        Allow access to Upwork
      </button>
      {access === "refused" && <p role="status">Not given: Invitewise stays off on Upwork until you allow it.</p>}
      {typeof access === "object" && (
        <p class="error" role="alert">
          Could not ask for access: {access.error}
        </p>
      )}
    </section>
  );
}
