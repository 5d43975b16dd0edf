import { describe, expect, it } from "vitest";
import {
  canonicalJobUrl,
  cipherFromUrl,
  invitationIdFromUrl,
  pageKind,
  proposalIdFromUrl,
} from "../../src/content/routes";
import type { PageKind } from "../../src/shared/records";

const U = "https://www.upwork.com";
/** Example URLs per kind (records.md §2, REFERENCE.md §1). Each is checked against every kind. */
const TABLE: Record<PageKind, string[]> = {
  invitations: [
    `${U}/nx/proposals/`,
    `${U}/nx/proposals`,
    `${U}/nx/proposals/?tab=active`,
    `${U}/ab/proposals/`,
    `${U}/nx/find-work/invites`,
  ],
  invitation: [
    `${U}/nx/proposals/interview/uid/2092250550587497010`,
    `${U}/nx/proposals/interview/2092250550587497010`,
    `${U}/nx/proposals/interview/uid/2092250550587497010/`,
  ],
  apply: [
    `${U}/nx/proposals/job/~021998744339961847531/apply/`,
    `${U}/ab/proposals/job/~01fb0422c815aead49/apply/`,
    `${U}/ab/proposals/job/~01fb0422c815aead49/apply/#/`,
    `${U}/nx/proposals/interview/uid/2092250550587497010/accept`,
    `${U}/nx/proposals/interview/2092250550587497010/accept`,
  ],
  proposal: [
    `${U}/nx/proposals/2093239911002233445`,
    `${U}/nx/proposals/2093239911002233445?success`,
    `${U}/nx/proposals/2093239911002233445/edit`,
    `${U}/ab/proposals/2093239911002233445`,
  ],
  job: [
    `${U}/jobs/~021998744339961847531`,
    `${U}/jobs/Talented-hands-next-supabase-developer-needed_~021999060037801980319/?referrer_url_path=find_work_home`,
    `${U}/freelance-jobs/apply/Senior-React-Native-Developer_~021998744339961847531/`,
    `${U}/nx/s/job-details-viewer/jobs/~021998744339961847531`,
    `${U}/nx/find-work/most-recent/details/~021999055296412911573?pageTitle=Job%20Details&_modalInfo=%5B%5D`,
    `${U}/nx/find-work/best-matches/details/~021999055296412911573`,
    `${U}/nx/search/jobs/details/~021999055296412911573`,
  ],
  home: [
    `${U}/nx/find-work/`,
    `${U}/nx/find-work`,
    `${U}/nx/find-work/best-matches`,
    `${U}/nx/find-work/most-recent`,
    `${U}/nx/find-work/saved-jobs`,
    `${U}/nx/s/find-work/best-matches`,
    `${U}/ab/find-work/`,
  ],
  other: [
    `${U}/`,
    `${U}/nx/search/jobs/?q=react`,
    `${U}/nx/s/universal-search/jobs/?q=react`,
    `${U}/nx/proposals/archived`,
    `${U}/freelancers/~01666ba3932fcfa9bf`,
    `http://www.upwork.com/nx/proposals/`,
    `https://upwork.com.evil.example/nx/proposals/`,
    `https://www.upwork.com.evil.example/jobs/~021998744339961847531`,
    "not a url",
  ],
};

describe("pageKind", () => {
  const kinds = Object.keys(TABLE) as PageKind[];
  for (const kind of kinds)
    for (const url of TABLE[kind])
      it(`${url} is ${kind} and no other kind`, () => {
        const got = pageKind(url);
        expect(got).toBe(kind);
        for (const other of kinds) if (other !== kind) expect(got).not.toBe(other);
      });
});

describe("ids from URLs", () => {
  it("reads cipher, invitation and proposal ids", () => {
    expect(cipherFromUrl(TABLE.job[1]!)).toBe("~021999060037801980319");
    expect(cipherFromUrl(TABLE.apply[1]!)).toBe("~01fb0422c815aead49");
    expect(invitationIdFromUrl(TABLE.apply[3]!)).toBe("2092250550587497010");
    expect(invitationIdFromUrl(TABLE.invitation[1]!)).toBe("2092250550587497010");
    expect(proposalIdFromUrl(TABLE.proposal[1]!)).toBe("2093239911002233445");
    expect(proposalIdFromUrl(TABLE.proposal[2]!)).toBe("2093239911002233445");
    expect(proposalIdFromUrl(TABLE.invitation[0]!)).toBeNull();
    expect(canonicalJobUrl("~021998744339961847531")).toBe("https://www.upwork.com/jobs/~021998744339961847531");
  });
});
