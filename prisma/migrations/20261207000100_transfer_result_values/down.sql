-- Back to Twilio's DialCallStatus words (a conference's "answered" reads as "completed").
-- call_events has FORCE row-level security: without system mode a non-superuser owner (e.g. under
-- `prisma migrate deploy`) would update no rows, silently. Bolt's migrator sets it too.
SELECT set_config('bolt.system', 'on', true);
UPDATE "call_events"
SET "detail" = jsonb_set("detail", '{result}', to_jsonb(CASE "detail"->>'result'
    WHEN 'PICKED_UP' THEN 'completed'
    WHEN 'NO_ANSWER' THEN 'no-answer'
    WHEN 'BUSY' THEN 'busy'
    WHEN 'FAILED' THEN 'failed'
    WHEN 'CANCELED' THEN 'canceled'
    ELSE 'unknown'
  END))
WHERE "kind" = 'TRANSFER_ENDED' AND "detail" ? 'result'
  AND "detail"->>'result' NOT IN ('completed', 'no-answer', 'busy', 'failed', 'canceled', 'unknown');
