// Schemas for the media Bolt relays from Twilio (voicemail recordings, MMS attachments).
import { z } from "zod";
import { resourceIdSchema } from "@/lib/validations/params";

export const messageMediaParamsSchema = z.object({
  id: resourceIdSchema,
  // Twilio caps a message at 10 attachments.
  index: z.coerce.number().int().min(0).max(9),
});

/** `?download=1` asks for an attachment with a friendly file name instead of inline playback. */
export const mediaQuerySchema = z.object({
  download: z
    .enum(["1", "true", "0", "false"])
    .optional()
    .transform((v) => v === "1" || v === "true"),
});

/**
 * The browser's Range header when it is one byte range (what <audio> sends to seek), else
 * undefined: several ranges or another unit are dropped and the whole file is served, as RFC 9110 allows.
 */
export function singleByteRange(header: string | null): string | undefined {
  const value = header?.trim();
  return value && /^bytes=(\d+-\d*|-\d+)$/.test(value) ? value : undefined;
}
