/**
 * The Firefox flavour of the manifest, from the same manifest.json: Firefox runs MV3 background code
 * as event-page `scripts` (no service worker), needs a gecko id, and asks every add-on to declare what
 * data it collects — Invitewise collects none.
 */
export const GECKO_ID = "invitewise@invitewise.app";
/** The first Firefox (desktop 140, Android 142) that reads `data_collection_permissions`. */
export const FIREFOX_MIN_VERSION = "140.0";
export const FIREFOX_ANDROID_MIN_VERSION = "142.0";

type Manifest = Record<string, unknown> & { background?: { service_worker?: string; type?: string } };

export function firefoxManifest<T extends Manifest>(manifest: T): T {
  const { service_worker, ...background } = manifest.background ?? {};
  // Chrome's floor; Firefox's is strict_min_version below.
  const { minimum_chrome_version: _chrome, ...rest } = manifest;
  return {
    ...(rest as T),
    background: { ...background, scripts: service_worker ? [service_worker] : [] },
    browser_specific_settings: {
      gecko: {
        id: GECKO_ID,
        strict_min_version: FIREFOX_MIN_VERSION,
        data_collection_permissions: { required: ["none"] },
      },
      gecko_android: { strict_min_version: FIREFOX_ANDROID_MIN_VERSION },
    },
  };
}
