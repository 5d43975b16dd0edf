/** The last invitation the user opened, from the background's record cache, for the template preview. */
import { RecordCache } from "../background/record-cache";
import { extensionStorage } from "../shared/settings-store";
import type { PreviewJob } from "./preview";

export async function loadLastOpenedJob(): Promise<PreviewJob | null> {
  const entry = await new RecordCache(extensionStorage().local).lastInvitation();
  const record = entry?.page?.record;
  return record ? { job: record.job, client: record.client, invited: true } : null;
}
