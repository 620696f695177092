// Accounts/{Sid}.json: lets a parent read a subaccount (including its auth_token, which signs
// that subaccount's webhooks), as on Twilio.
import { API_VERSION, rfc2822 } from "./fixtures";
import { notFoundError } from "./errors";
import type { Reply, RouteContext } from "./route-context";

// Accounts are configuration, not data: they all "exist" from the moment the stand-in starts.
const STARTED_AT = new Date();

export function fetchAccount(ctx: RouteContext): Reply {
  const account = ctx.state.findAccount(ctx.accountSid);
  if (!account) throw notFoundError(ctx.path);
  const base = `/${API_VERSION}/Accounts/${account.sid}`;
  return {
    status: 200,
    body: {
      auth_token: account.authToken,
      date_created: rfc2822(STARTED_AT),
      date_updated: rfc2822(STARTED_AT),
      friendly_name: account.friendlyName ?? account.sid,
      owner_account_sid: account.parentSid ?? account.sid,
      sid: account.sid,
      status: "active",
      subresource_uris: {
        available_phone_numbers: `${base}/AvailablePhoneNumbers.json`,
        incoming_phone_numbers: `${base}/IncomingPhoneNumbers.json`,
        messages: `${base}/Messages.json`,
      },
      type: "Full",
      uri: `${base}.json`,
    },
  };
}
