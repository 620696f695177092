"use client";
// What the caller can do where the call waits: speak (typed words) or press keys at a <Gather>, decide
// how the salon's phone answers a <Dial>, or leave a typed voicemail at a <Record>.
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import type { CallerAction, Waiting } from "@/lib/simulator/call-types";

const KEYS = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "*", "0", "#"];

type Props = { waiting: Waiting; pending: boolean; onAct: (action: CallerAction) => void };

export function CallControls({ waiting, pending, onAct }: Props) {
  const [words, setWords] = useState("");
  const [voicemail, setVoicemail] = useState("");

  if (waiting.verb === "dial") {
    return (
      <fieldset className="grid gap-2 rounded-lg border p-3" disabled={pending}>
        <legend className="px-1 text-sm font-medium">The salon&apos;s phone ({waiting.number}) is ringing</legend>
        <div className="flex flex-wrap gap-2">
          <Button type="button" variant="outline" size="sm" onClick={() => onAct({ kind: "forward", answer: "take" })}>Someone answers and presses 1</Button>
          <Button type="button" variant="outline" size="sm" onClick={() => onAct({ kind: "forward", answer: "decline" })}>Someone answers, doesn&apos;t press 1</Button>
          <Button type="button" variant="outline" size="sm" onClick={() => onAct({ kind: "forward", answer: "no-answer" })}>Nobody answers</Button>
          <Button type="button" variant="outline" size="sm" onClick={() => onAct({ kind: "forward", answer: "busy" })}>Busy</Button>
        </div>
      </fieldset>
    );
  }

  if (waiting.verb === "record") {
    return (
      <form
        className="grid gap-2 rounded-lg border p-3"
        onSubmit={(e) => {
          e.preventDefault();
          onAct({ kind: "voicemail", text: voicemail });
          setVoicemail("");
        }}
      >
        <Label htmlFor="sim-voicemail">Your voicemail (after the beep)</Label>
        <Textarea id="sim-voicemail" value={voicemail} onChange={(e) => setVoicemail(e.target.value)} rows={3} maxLength={2000} placeholder="Hi, this is…" />
        <div className="flex flex-wrap gap-2">
          <Button type="submit" size="sm" disabled={pending || !voicemail.trim()}>Leave voicemail</Button>
          <Button type="button" size="sm" variant="outline" disabled={pending} onClick={() => onAct({ kind: "silence" })}>Say nothing</Button>
        </div>
      </form>
    );
  }

  return (
    <div className="grid gap-3 rounded-lg border p-3 sm:grid-cols-[1fr_auto]">
      {waiting.speech && (
        <form
          className="grid content-start gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            if (!words.trim()) return;
            onAct({ kind: "say", text: words });
            setWords("");
          }}
        >
          <Label htmlFor="sim-words">Say something</Label>
          <div className="flex gap-2">
            <Input id="sim-words" value={words} onChange={(e) => setWords(e.target.value)} maxLength={500} placeholder="What are your hours?" autoComplete="off" />
            <Button type="submit" disabled={pending || !words.trim()}>Say it</Button>
          </div>
          <Button type="button" variant="ghost" size="sm" className="justify-self-start" disabled={pending} onClick={() => onAct({ kind: "silence" })}>
            Stay silent
          </Button>
        </form>
      )}
      {waiting.keys && (
        <div role="group" aria-label="Keypad" className="grid w-40 grid-cols-3 gap-1.5 justify-self-center">
          {KEYS.map((key) => (
            <Button key={key} type="button" variant="outline" size="sm" aria-label={`Press ${key}`} disabled={pending} onClick={() => onAct({ kind: "keys", digits: key })}>
              {key}
            </Button>
          ))}
        </div>
      )}
    </div>
  );
}
