// Audio for the stand-in's recordings: nobody speaks into the sandbox, so each recording is a soft
// tone melody as long as the recording, the same for the same sid. WAV as Twilio serves it
// (8 kHz mono 16-bit PCM) and a real MP3 (lamejs, 16 kHz mono 32 kbps, a rate every browser decodes).
import { Mp3Encoder } from "@breezystack/lamejs";
import { prng } from "@/lib/dev/prng";

export type RecordingFormat = "wav" | "mp3";

export const CONTENT_TYPES: Record<RecordingFormat, string> = { wav: "audio/x-wav", mp3: "audio/mpeg" };

const WAV_RATE = 8000;
const MP3_RATE = 16000;
const MP3_KBPS = 32;
const FRAME = 1152;
/** Long enough for any voicemail Bolt records (2 minutes), short enough to bound the work. */
const MAX_SECONDS = 600;
// A major pentatonic scale around middle C: no two notes clash, whatever the seed picks.
const NOTES_HZ = [261.63, 293.66, 329.63, 392.0, 440.0, 523.25, 587.33, 659.25];

/** Phrases of 3–6 notes with speech-like pauses between them, filling `seconds`. */
function synthesizeMelody(sid: string, seconds: number, sampleRate: number): Int16Array {
  // Seeded by the sid's first hex digits: the same recording always plays the same melody.
  const rand = prng(Number.parseInt(sid.slice(2, 10), 16) >>> 0 || 1);
  const total = Math.round(Math.min(Math.max(seconds, 1), MAX_SECONDS) * sampleRate);
  const pcm = new Int16Array(total);
  let at = Math.round(0.3 * sampleRate);
  while (at < total) {
    const notes = 3 + Math.floor(rand() * 4);
    for (let n = 0; n < notes && at < total; n++) {
      const hz = NOTES_HZ[Math.floor(rand() * NOTES_HZ.length)] ?? 440;
      const length = Math.round((0.25 + rand() * 0.3) * sampleRate);
      for (let i = 0; i < length && at + i < total; i++) {
        const t = i / sampleRate;
        // 15 ms attack, then an exponential fade: a soft mallet rather than a beep.
        const envelope = Math.min(1, t / 0.015) * Math.exp(-t * 5);
        const wave = Math.sin(2 * Math.PI * hz * t) + 0.25 * Math.sin(4 * Math.PI * hz * t);
        pcm[at + i] = Math.round(6500 * envelope * wave);
      }
      at += length;
    }
    at += Math.round((0.4 + rand() * 0.6) * sampleRate);
  }
  return pcm;
}

function encodeWav(pcm: Int16Array, sampleRate: number): Uint8Array {
  const data = pcm.length * 2;
  const out = Buffer.alloc(44 + data);
  out.write("RIFF", 0, "ascii");
  out.writeUInt32LE(36 + data, 4);
  out.write("WAVEfmt ", 8, "ascii");
  out.writeUInt32LE(16, 16); // fmt chunk size
  out.writeUInt16LE(1, 20); // PCM
  out.writeUInt16LE(1, 22); // mono
  out.writeUInt32LE(sampleRate, 24);
  out.writeUInt32LE(sampleRate * 2, 28); // bytes per second
  out.writeUInt16LE(2, 32); // block align
  out.writeUInt16LE(16, 34); // bits per sample
  out.write("data", 36, "ascii");
  out.writeUInt32LE(data, 40);
  for (let i = 0; i < pcm.length; i++) out.writeInt16LE(pcm[i] ?? 0, 44 + i * 2);
  return out;
}

/** Yields to the event loop every second of audio: the sandbox shares its process with the app. */
async function encodeMp3(pcm: Int16Array, sampleRate: number): Promise<Uint8Array> {
  const encoder = new Mp3Encoder(1, sampleRate, MP3_KBPS);
  const parts: Uint8Array[] = [];
  // lamejs hands back Int8Arrays (its types say Uint8Array): view the same bytes unsigned.
  const add = (part: ArrayBufferView) => parts.push(new Uint8Array(part.buffer, part.byteOffset, part.byteLength));
  const framesPerYield = Math.ceil(sampleRate / FRAME);
  for (let i = 0, frames = 0; i < pcm.length; i += FRAME, frames++) {
    add(encoder.encodeBuffer(pcm.subarray(i, i + FRAME)));
    if (frames % framesPerYield === framesPerYield - 1) await new Promise((resolve) => setImmediate(resolve));
  }
  add(encoder.flush());
  return Buffer.concat(parts);
}

// Encoded files by sid, length and format; a handful is all a demo or a test plays.
const MAX_CACHED = 32;
const cache = new Map<string, Promise<Uint8Array>>();

/** The recording's audio file, generated on first request and then reused. */
export function recordingAudio(sid: string, seconds: number, format: RecordingFormat): Promise<Uint8Array> {
  const key = `${sid}:${seconds}:${format}`;
  let file = cache.get(key);
  if (!file) {
    file =
      format === "wav"
        ? Promise.resolve(encodeWav(synthesizeMelody(sid, seconds, WAV_RATE), WAV_RATE))
        : encodeMp3(synthesizeMelody(sid, seconds, MP3_RATE), MP3_RATE);
    if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value ?? key);
    cache.set(key, file);
    file.catch(() => cache.delete(key));
  }
  return file;
}
