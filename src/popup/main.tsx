import { pageKind } from "../content/routes";
import { InvitationsRecord } from "../shared/records";
document.getElementById("app")!.textContent="popup"+pageKind(location.href)+InvitationsRecord.safeParse({}).success;
