// The phone simulator's call, run the way Twilio runs one: every request signed with the account's token
// and posted to Bolt's real voice webhooks, every verb Bolt answers with followed in order (<Say> is heard,
// <Gather> waits for words or keys, <Dial> rings the salon's phone and its screening, <Record> takes a
// typed voicemail with its recording and transcription callbacks, <Redirect>, <Hangup>), and the status
// callback at the end. The call waits at one verb between steps; its state is the TwiML it waits in and
// where, so the page can hold it and nothing is stored beside what Bolt itself logs.
import { randomBytes } from "node:crypto";
import { ApiError } from "@/lib/api/errors";
import { env } from "@/lib/env";
import { buildWebhookUrl, signTwilioRequest } from "@/lib/telephony/signature";
import {
  httpTransport,
  type CallContext,
  type CallerAction,
  type CallLine,
  type CallState,
  type CallStep,
  type Exchange,
  type Waiting,
} from "@/lib/simulator/call-types";
import { dialled, gatherInput, numAttr, parseTwiml, sayText, type TwimlNode } from "@/lib/simulator/twiml-reader";

const VOICE = "/api/webhooks/twilio/voice";
const API_VERSION = "2010-04-01";
// Bolt's TwiML never redirects in a loop; a bound keeps a broken answer from spinning the simulator.
const MAX_REQUESTS_PER_STEP = 20;
const STAFF_TALK_SECONDS = 30;

const newSid = (prefix: string) => `${prefix}${randomBytes(16).toString("hex")}`;
/** Seconds a line takes to say, at about 150 words a minute: the call's simulated length. */
const speakingSeconds = (text: string) => Math.max(1, Math.ceil(text.split(/\s+/).filter(Boolean).length / 2.5));

function notWaitingFor(what: string): ApiError {
  return new ApiError({ code: "not_waiting_for_that", status: 409, message: `The call isn't waiting for ${what} right now.` });
}

class CallRun {
  readonly lines: CallLine[] = [];
  readonly exchanges: Exchange[] = [];
  private requests = 0;
  constructor(
    private readonly ctx: CallContext,
    readonly callSid: string,
    private readonly startedAt: Date,
    private elapsed: number,
  ) {}

  private get base(): Record<string, string> {
    const { from } = this.ctx;
    const { to, accountSid } = this.ctx.line;
    return { AccountSid: accountSid, ApiVersion: API_VERSION, CallSid: this.callSid, Called: to, Caller: from, Direction: "inbound", From: from, To: to };
  }

  hear(speaker: CallLine["speaker"], text: string, spoken = true): void {
    if (!text) return;
    this.lines.push({ speaker, text });
    if (spoken) this.elapsed += speakingSeconds(text);
  }

  /** POSTs a signed webhook to one of Bolt's voice URLs (never anywhere else) and returns its TwiML. */
  async post(target: string, params: Record<string, string>): Promise<string> {
    const url = new URL(target, env.PUBLIC_BASE_URL);
    if (url.origin !== new URL(env.PUBLIC_BASE_URL).origin || !url.pathname.startsWith(VOICE)) {
      throw new ApiError({ code: "unexpected_webhook", status: 422, message: `The call was sent to ${url.pathname}, which is not one of Bolt's voice webhooks.` });
    }
    if (++this.requests > MAX_REQUESTS_PER_STEP) throw new ApiError({ code: "too_many_requests", status: 508, message: "The call kept redirecting; stopped." });
    const pathWithQuery = `${url.pathname}${url.search}`;
    const signature = signTwilioRequest(this.ctx.line.authToken, buildWebhookUrl(pathWithQuery), params);
    const res = await (this.ctx.transport ?? httpTransport)(pathWithQuery, params, signature);
    const body = await res.text();
    this.exchanges.push({ path: pathWithQuery, params, status: res.status, body });
    if (!res.ok) throw new ApiError({ code: "webhook_failed", status: 502, message: `Bolt answered ${res.status} to ${url.pathname}.` });
    return body;
  }

  postCall(target: string, extra: Record<string, string> = {}): Promise<string> {
    return this.post(target, { ...this.base, CallStatus: "in-progress", ...extra });
  }

  async ring(): Promise<CallStep> {
    this.hear("note", `Calling ${this.ctx.line.to} from ${this.ctx.from}…`, false);
    return this.run(await this.post(VOICE, { ...this.base, CallStatus: "ringing" }), 0);
  }

  /** Plays `twiml` from verb `at` until it waits for the caller or the call ends. */
  async run(twiml: string, at: number): Promise<CallStep> {
    const verbs = parseTwiml(twiml);
    for (let i = at; i < verbs.length; i++) {
      const verb = verbs[i]!;
      switch (verb.name) {
        case "Say":
          this.hear("bolt", sayText(verb));
          break;
        case "Pause":
          this.elapsed += numAttr(verb, "length", 1);
          break;
        case "Gather": {
          for (const child of verb.children) this.hear("bolt", sayText(child));
          const input = gatherInput(verb);
          return this.wait(twiml, i, { verb: "gather", speech: input.includes("speech"), keys: input.includes("dtmf") });
        }
        case "Dial":
          return this.wait(twiml, i, { verb: "dial", number: dialled(verb).number });
        case "Record":
          this.hear("note", "(beep)", false);
          return this.wait(twiml, i, { verb: "record", maxSeconds: numAttr(verb, "maxLength", 3600) });
        case "Redirect":
          return this.run(await this.postCall(verb.text.trim()), 0);
        case "Hangup":
        case "Reject":
          return this.end("Bolt hung up.");
        default:
          this.hear("note", `(<${verb.name}> is not simulated; skipped)`, false);
      }
    }
    return this.end("The call ended.");
  }

  private wait(twiml: string, at: number, waiting: Waiting): CallStep {
    const state = { callSid: this.callSid, startedAt: this.startedAt.toISOString(), elapsedSeconds: this.elapsed, twiml, at };
    return { callSid: this.callSid, lines: this.lines, exchanges: this.exchanges, state, waiting };
  }

  /** The call is over: Twilio's status callback says so, with how long it lasted. */
  async end(why: string): Promise<CallStep> {
    this.hear("note", why, false);
    const duration = Math.max(1, Math.round(this.elapsed));
    const endedAt = new Date(this.startedAt.getTime() + duration * 1000);
    await this.post(`${VOICE}/status`, { ...this.base, CallStatus: "completed", CallDuration: String(duration), Timestamp: endedAt.toUTCString() });
    return { callSid: this.callSid, lines: this.lines, exchanges: this.exchanges, state: null, waiting: null };
  }

  async answerGather(twiml: string, at: number, verb: TwimlNode, action: CallerAction): Promise<CallStep> {
    const input = gatherInput(verb);
    const target = verb.attrs.action;
    if (!target) throw new ApiError({ code: "unexpected_webhook", status: 422, message: "Bolt's <Gather> has no action URL." });
    if (action.kind === "say" && input.includes("speech") && action.text.trim()) {
      this.hear("caller", action.text.trim());
      // As Twilio's speech recognition reports it: the words and how sure it is of them.
      return this.run(await this.postCall(target, { SpeechResult: action.text.trim(), Confidence: "0.92" }), 0);
    }
    if (action.kind === "keys" && input.includes("dtmf") && /^[0-9*#]+$/.test(action.digits)) {
      this.hear("caller", `(presses ${action.digits})`, false);
      return this.run(await this.postCall(target, { Digits: action.digits, FinishedOnKey: "" }), 0);
    }
    if (action.kind === "silence") {
      this.hear("caller", "(says nothing)", false);
      this.elapsed += numAttr(verb, "timeout", 5);
      // Twilio's timeout: the action only when asked to post an empty result, else the next verb.
      if (verb.attrs.actionOnEmptyResult === "true") return this.run(await this.postCall(target), 0);
      return this.run(twiml, at + 1);
    }
    throw notWaitingFor(action.kind === "say" ? "words" : action.kind === "keys" ? "keys" : "that");
  }

  async answerDial(twiml: string, at: number, verb: TwimlNode, answer: Extract<CallerAction, { kind: "forward" }>["answer"]): Promise<CallStep> {
    const { node: numberNode, number } = dialled(verb);
    const legSid = newSid("CA");
    let dial: Record<string, string>;
    if (answer === "no-answer") {
      this.hear("note", `The salon's phone (${number}) rings; nobody answers.`, false);
      this.elapsed += numAttr(verb, "timeout", 30);
      dial = { DialCallStatus: "no-answer" };
    } else if (answer === "busy") {
      this.hear("note", `The salon's phone (${number}) is busy.`, false);
      dial = { DialCallStatus: "busy" };
    } else {
      this.hear("note", `Someone picks up the salon's phone (${number}).`, false);
      const taken = await this.screen(numberNode, legSid, number, answer === "take");
      const seconds = taken ? STAFF_TALK_SECONDS : 5;
      if (taken) this.hear("note", "The caller talks with the salon; then the salon's phone hangs up.", false);
      this.elapsed += seconds;
      dial = { DialCallStatus: "completed", DialCallDuration: String(seconds) };
    }
    if (!verb.attrs.action) return this.run(twiml, at + 1);
    return this.run(await this.postCall(verb.attrs.action, { ...dial, DialCallSid: legSid }), 0);
  }

  /** The dialled leg: the <Number url> TwiML plays to whoever picked up, who takes the call or not. */
  private async screen(numberNode: TwimlNode | undefined, legSid: string, number: string, take: boolean): Promise<boolean> {
    const url = numberNode?.attrs.url;
    if (!url) return take;
    const { from } = this.ctx;
    const leg = {
      AccountSid: this.ctx.line.accountSid,
      ApiVersion: API_VERSION,
      CallSid: legSid,
      ParentCallSid: this.callSid,
      Called: number,
      Caller: from,
      CallStatus: "in-progress",
      Direction: "outbound-dial",
      From: from,
      To: number,
    };
    let verbs = parseTwiml(await this.post(url, leg));
    for (let i = 0; i < verbs.length; i++) {
      const verb = verbs[i]!;
      if (verb.name === "Say") this.hear("staff", sayText(verb), false);
      if (verb.name === "Hangup" || verb.name === "Reject") return false;
      if (verb.name !== "Gather") continue;
      for (const child of verb.children) this.hear("staff", sayText(child), false);
      if (take && verb.attrs.action) {
        this.hear("note", "The salon's phone presses 1.", false);
        verbs = parseTwiml(await this.post(verb.attrs.action, { ...leg, Digits: "1", FinishedOnKey: "" }));
        i = -1;
        take = false; // answered once; what follows is the connect (or a hang-up)
        continue;
      }
      this.hear("note", "The salon's phone doesn't press anything.", false);
      if (verb.attrs.actionOnEmptyResult === "true" && verb.attrs.action) {
        verbs = parseTwiml(await this.post(verb.attrs.action, leg));
        i = -1;
      }
    }
    // The leg's TwiML ran out without hanging up: Twilio connects the two calls.
    return true;
  }

  async answerRecord(twiml: string, at: number, verb: TwimlNode, action: CallerAction): Promise<CallStep> {
    const text = action.kind === "voicemail" ? action.text.trim() : "";
    if (action.kind !== "voicemail" && action.kind !== "silence") throw notWaitingFor(action.kind === "say" ? "words: leave a voicemail" : "that");
    if (!text) {
      this.hear("caller", "(says nothing)", false);
      // Twilio skips the action on a silent recording and goes on to the next verb.
      return this.run(twiml, at + 1);
    }
    this.hear("caller", text, false);
    const { accountSid } = this.ctx.line;
    const seconds = Math.min(speakingSeconds(text), numAttr(verb, "maxLength", 3600));
    this.elapsed += seconds;
    const recordingSid = newSid("RE");
    // The stand-in serves this recording (as generated audio of this length) once Bolt has stored it.
    const recording = {
      AccountSid: accountSid,
      CallSid: this.callSid,
      RecordingSid: recordingSid,
      RecordingUrl: `https://api.twilio.com/${API_VERSION}/Accounts/${accountSid}/Recordings/${recordingSid}`,
      RecordingDuration: String(seconds),
    };
    const next = verb.attrs.action ? await this.postCall(verb.attrs.action, { ...recording, Digits: "#" }) : null;
    if (verb.attrs.recordingStatusCallback) {
      await this.post(verb.attrs.recordingStatusCallback, {
        ...recording,
        ApiVersion: API_VERSION,
        ErrorCode: "0",
        RecordingChannels: "1",
        RecordingSource: "RecordVerb",
        RecordingStartTime: new Date(this.startedAt.getTime() + (this.elapsed - seconds) * 1000).toUTCString(),
        RecordingStatus: "completed",
        RecordingTrack: "inbound",
      });
    }
    const step = next === null ? await this.run(twiml, at + 1) : await this.run(next, 0);
    // The transcript comes last, as Twilio's does (minutes later): the typed words are the transcript.
    if (verb.attrs.transcribe === "true" && verb.attrs.transcribeCallback) {
      const transcriptionSid = newSid("TR");
      await this.post(verb.attrs.transcribeCallback, {
        ...recording,
        ApiVersion: API_VERSION,
        TranscriptionSid: transcriptionSid,
        TranscriptionStatus: "completed",
        TranscriptionText: text,
        TranscriptionType: "fast",
        TranscriptionUrl: `https://api.twilio.com/${API_VERSION}/Accounts/${accountSid}/Transcriptions/${transcriptionSid}`,
        url: verb.attrs.transcribeCallback,
      });
      this.hear("note", "Twilio's transcript of the voicemail reached Bolt.", false);
    }
    return step;
  }
}

/** Rings the salon: Bolt's answer is played until it waits for the caller (or the call ends). */
export async function ringSalon(ctx: CallContext): Promise<CallStep> {
  return new CallRun(ctx, newSid("CA"), (ctx.now ?? (() => new Date()))(), 0).ring();
}

/** The caller acts where the call waits: words, keys, silence, the salon phone's answer, a voicemail, or hanging up. */
export async function continueCall(ctx: CallContext, state: CallState, action: CallerAction): Promise<CallStep> {
  const run = new CallRun(ctx, state.callSid, new Date(state.startedAt), state.elapsedSeconds);
  const verb = parseTwiml(state.twiml)[state.at];
  if (action.kind === "hangup") {
    run.hear("caller", "(hangs up)", false);
    return run.end("The caller hung up.");
  }
  switch (verb?.name) {
    case "Gather":
      return run.answerGather(state.twiml, state.at, verb, action);
    case "Dial":
      if (action.kind !== "forward") throw notWaitingFor("that: the salon's phone is ringing");
      return run.answerDial(state.twiml, state.at, verb, action.answer);
    case "Record":
      return run.answerRecord(state.twiml, state.at, verb, action);
    default:
      throw notWaitingFor("anything");
  }
}
