/**
 * The last invitation the user opened, for the template preview — asked of the background, which
 * owns the record cache (reading the cache here would race its writes).
 */
import { sendToBackground } from "../shared/messages";
import type { PreviewJob } from "./preview";

export async function loadLastOpenedJob(): Promise<PreviewJob | null> {
  // No tab: the background answers with the last invitation opened, if any.
  const reply = await sendToBackground({ type: "get-tab-page", tabId: -1 });
  const parsed = reply.ok ? reply.data?.parsed : undefined;
  return parsed?.kind === "invitation" ? { job: parsed.record.job, client: parsed.record.client, invited: true } : null;
}
