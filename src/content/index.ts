import { pageKind } from "./routes";
import { InvitationsRecord } from "../shared/records";
console.log("invitewise content", pageKind(location.href), InvitationsRecord.safeParse({}).success);
