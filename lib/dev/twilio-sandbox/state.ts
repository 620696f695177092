// Everything the Twilio stand-in remembers, plus the knobs tests turn: failing destinations,
// failing the next requests, and waiting until every queued status callback has been sent.
import { failureStatusFor } from "./errors";
import { friendlyPhoneNumber, newSid } from "./fixtures";

export type StandInAccount = {
  sid: string;
  authToken: string;
  /** A subaccount's parent may act on it with its own credentials, as on Twilio. */
  parentSid?: string;
  friendlyName?: string;
};

/** "accepted" is a Messaging Service send's first status; a send from a number starts "queued"; "received": inbound. */
export type MessageStatus = "accepted" | "queued" | "sending" | "sent" | "delivered" | "undelivered" | "failed" | "received";

export type StandInMessage = {
  sid: string;
  accountSid: string;
  to: string;
  from: string | null;
  body: string;
  numMedia: number;
  messagingServiceSid: string | null;
  statusCallback: string | null;
  status: MessageStatus;
  numSegments: number;
  errorCode: number | null;
  errorMessage: string | null;
  price: string | null;
  priceUnit: string | null;
  dateCreated: Date;
  dateUpdated: Date;
  dateSent: Date | null;
  /** "inbound" for a text a phone sent to one of the account's numbers (the simulator's); else sent through the API. */
  direction?: "inbound";
};

export type StandInNumber = {
  sid: string;
  accountSid: string;
  phoneNumber: string;
  friendlyName: string;
  voiceUrl: string | null;
  voiceMethod: string;
  voiceFallbackUrl: string | null;
  voiceFallbackMethod: string;
  // Unset URLs are null, as the spec's schema has them (its `uri` format refuses "").
  smsUrl: string | null;
  smsMethod: string;
  smsFallbackUrl: string | null;
  smsFallbackMethod: string;
  statusCallback: string | null;
  statusCallbackMethod: string;
  dateCreated: Date;
  dateUpdated: Date;
};

/** One status callback as the stand-in sent it (after retries). */
export type StandInCallback = {
  messageSid: string;
  url: string;
  status: MessageStatus;
  params: Record<string, string>;
  signature: string;
  attempts: number;
  /** The receiver's last HTTP status, or null when it could not be reached at all. */
  responseStatus: number | null;
  delivered: boolean;
};

/** A call recording (Twilio keeps these per account); its audio is generated from sid and length. */
export type StandInRecording = {
  sid: string;
  accountSid: string;
  callSid: string;
  durationSeconds: number;
  dateCreated: Date;
};
export type RecordingSeed = Omit<StandInRecording, "sid" | "dateCreated"> & { sid?: string; dateCreated?: Date };
/** Where the stand-in looks up a recording it was not handed (the database, for `npm start`); null: none such. */
export type RecordingSource = (sid: string) => Promise<RecordingSeed | null>;

/** One MMS attachment, at /Messages/{MessageSid}/Media/{Sid}. */
export type StandInMessageMedia = {
  sid: string;
  accountSid: string;
  messageSid: string;
  contentType: string;
  bytes: Uint8Array;
};

export type DestinationFailure = { errorCode: number; status: "failed" | "undelivered" };
export type FailureRoute = "messages" | "numbers" | "media" | "any";
type InjectedFailure = { remaining: number; httpStatus: number; route: FailureRoute; afterAccept: boolean };
export type NumberSeed = Partial<StandInNumber> & { accountSid: string; phoneNumber: string };
export type StateSetup = {
  accounts: StandInAccount[];
  numbers?: NumberSeed[];
  onBackgroundError: (err: unknown) => void;
};

export class TwilioStandInState {
  readonly accounts: StandInAccount[] = [];
  readonly messages: StandInMessage[] = [];
  readonly numbers: StandInNumber[] = [];
  readonly callbacks: StandInCallback[] = [];
  // By sid: registering and finding one costs the same with 200,000 as with ten.
  private readonly recordings = new Map<string, StandInRecording>();
  private recordingSource: RecordingSource | null = null;
  readonly messageMedia: StandInMessageMedia[] = [];
  private readonly destinationFailures = new Map<string, DestinationFailure>();
  private injected: InjectedFailure[] = [];
  /** How long a send's answer is held after the message is taken (see holdSendResponses). */
  sendResponseDelayMs = 0;
  /** While answers are held: how many more sends may be taken (null: no limit). */
  private sendsLeftToTake: number | null = null;
  private readonly pending = new Set<Promise<void>>();
  private readonly controllers = new Set<AbortController>();

  constructor(private readonly setup: StateSetup) {
    this.seed();
  }

  private seed(): void {
    this.accounts.push(...this.setup.accounts.map((a) => ({ ...a })));
    for (const number of this.setup.numbers ?? []) this.addNumber(number);
  }

  addAccount(account: StandInAccount): void {
    this.accounts.push({ ...account });
  }

  /** Gives an account a number without the purchase call (e.g. a seeded salon's number). */
  addNumber(input: NumberSeed): StandInNumber {
    const now = new Date();
    const number: StandInNumber = {
      sid: newSid("PN"),
      friendlyName: friendlyPhoneNumber(input.phoneNumber),
      voiceUrl: null,
      voiceMethod: "POST",
      voiceFallbackUrl: null,
      voiceFallbackMethod: "POST",
      smsUrl: null,
      smsMethod: "POST",
      smsFallbackUrl: null,
      smsFallbackMethod: "POST",
      statusCallback: null,
      statusCallbackMethod: "POST",
      dateCreated: now,
      dateUpdated: now,
      ...input,
    };
    this.numbers.push(number);
    return number;
  }

  /**
   * Twilio has no API to create a recording (calls make them), so tests and the sandbox register
   * them here. Registering the same sid again changes nothing.
   */
  addRecording(input: RecordingSeed): StandInRecording {
    const existing = input.sid ? this.recordings.get(input.sid) : undefined;
    if (existing) return existing;
    const recording = { ...input, sid: input.sid ?? newSid("RE"), dateCreated: input.dateCreated ?? new Date() };
    this.recordings.set(recording.sid, recording);
    return recording;
  }

  /**
   * A recording not registered is asked of `source` on its first request, then kept: the sandbox is handed
   * nothing up front, so it starts as fast with every recording of a big database as with none.
   */
  serveRecordingsFrom(source: RecordingSource | null): void {
    this.recordingSource = source;
  }

  /** `accountSid`'s recording `sid`: registered, or else found by the source (undefined when neither has it). */
  async findRecording(sid: string, accountSid: string): Promise<StandInRecording | undefined> {
    let recording = this.recordings.get(sid);
    if (!recording && this.recordingSource) {
      const seed = await this.recordingSource(sid);
      if (seed) recording = this.addRecording({ ...seed, sid });
    }
    return recording?.accountSid === accountSid ? recording : undefined;
  }

  /** An MMS attachment, as a received picture message would have; returns it with its sid. */
  addMessageMedia(input: Omit<StandInMessageMedia, "sid">): StandInMessageMedia {
    const media = { ...input, sid: newSid("ME") };
    this.messageMedia.push(media);
    return media;
  }

  /**
   * Texts to `to` fail with `errorCode`. Codes below 30000 (21610 opted out, 21614, 21408 …) are
   * refused synchronously with a 400, as Twilio does; 30xxx codes are accepted and then arrive as
   * a failed/undelivered status callback carrying ErrorCode.
   */
  failDestination(to: string, errorCode: number, status: "failed" | "undelivered" = failureStatusFor(errorCode)): void {
    this.destinationFailures.set(to, { errorCode, status });
  }

  destinationFailure(to: string): DestinationFailure | undefined {
    return this.destinationFailures.get(to);
  }

  /**
   * The next `n` create calls answer `httpStatus` (429 → code 20429, 500 → 20500, 503 → 20503).
   * `route` picks which requests: message sends (default), number purchases, media downloads or any.
   * `afterAccept`: the message is accepted (and delivered) but the response is still the error,
   * like a response lost after Twilio took the request; for duplicate-send tests.
   */
  failNextRequests(
    n: number,
    httpStatus = 500,
    options: { route?: FailureRoute; afterAccept?: boolean } = {},
  ): void {
    this.injected.push({ remaining: n, httpStatus, route: options.route ?? "messages", afterAccept: options.afterAccept ?? false });
  }

  /**
   * Holds each send's response `ms` after the message is taken, as a slow Twilio would: a window in
   * which a worker can die with texts that Twilio has but the worker never heard back about.
   */
  holdSendResponses(ms: number, opts: { takeAtMost?: number } = {}): void {
    this.sendResponseDelayMs = ms;
    this.sendsLeftToTake = ms > 0 ? (opts.takeAtMost ?? null) : null;
  }

  /**
   * Whether one more send may be taken while answers are held: past `takeAtMost` a send is left untaken
   * (a fault test then knows exactly which texts Twilio has, however many a worker sends at once).
   */
  takeSendSlot(): boolean {
    if (this.sendsLeftToTake === null) return true;
    if (this.sendsLeftToTake <= 0) return false;
    this.sendsLeftToTake -= 1;
    return true;
  }

  /** Consumes one injected failure that applies to `route`, if any. */
  takeInjectedFailure(route: Exclude<FailureRoute, "any">): { httpStatus: number; afterAccept: boolean } | undefined {
    const hit = this.injected.find((f) => f.remaining > 0 && (f.route === route || f.route === "any"));
    if (!hit) return undefined;
    hit.remaining -= 1;
    this.injected = this.injected.filter((f) => f.remaining > 0);
    return { httpStatus: hit.httpStatus, afterAccept: hit.afterAccept };
  }

  findAccount(sid: string): StandInAccount | undefined {
    return this.accounts.find((a) => a.sid === sid);
  }

  findNumberByPhone(phoneNumber: string): StandInNumber | undefined {
    return this.numbers.find((n) => n.phoneNumber === phoneNumber);
  }

  /** Background work (status progressions) that `settled()` waits for and `reset()`/close cancel. */
  track(work: (signal: AbortSignal) => Promise<void>): void {
    // One controller per progression: listeners on a single shared signal pile up (quadratic at 10k texts).
    const controller = new AbortController();
    this.controllers.add(controller);
    const promise = work(controller.signal)
      .catch(this.setup.onBackgroundError)
      .finally(() => {
        this.pending.delete(promise);
        this.controllers.delete(controller);
      });
    this.pending.add(promise);
  }

  /** Resolves once every status progression started so far has finished. */
  async settled(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }

  /** Stops pending status progressions (their remaining callbacks are never sent). */
  cancelPending(): void {
    for (const controller of this.controllers) controller.abort();
    this.controllers.clear();
  }

  /** Back to the state the stand-in was created with: configured accounts and numbers only (no recordings, no source). */
  reset(): void {
    this.cancelPending();
    this.accounts.length = 0;
    this.messages.length = 0;
    this.numbers.length = 0;
    this.callbacks.length = 0;
    this.recordings.clear();
    this.recordingSource = null;
    this.messageMedia.length = 0;
    this.destinationFailures.clear();
    this.injected = [];
    this.sendResponseDelayMs = 0;
    this.seed();
  }
}
