// What a stand-in route handler receives and returns; the server fills it per request.
import type { StandInLog } from "./log";
import type { StandInMessage, TwilioStandInState } from "./state";

export type RouteContext = {
  /** The {AccountSid} in the path, already authenticated. */
  accountSid: string;
  /** The request path without the query, e.g. "/2010-04-01/Accounts/AC…/Messages.json". */
  path: string;
  query: URLSearchParams;
  form: URLSearchParams;
  /** Named groups of the matched route, e.g. { sid } or { country }. */
  params: Record<string, string>;
  state: TwilioStandInState;
  /** false (sandbox): an unknown From number is adopted as the account's instead of refused. */
  strictFrom: boolean;
  startDelivery: (message: StandInMessage) => void;
  log: StandInLog;
};

/** Bytes to serve as a file (recording or MMS media), with Range support, instead of JSON. */
export type MediaBody = { bytes: Uint8Array; contentType: string };

export type Reply = { status: number; body?: unknown; media?: MediaBody };

export type RouteHandler = (ctx: RouteContext) => Reply | Promise<Reply>;
