-- A transfer's result (call_events.detail.result of TRANSFER_ENDED) was Twilio's DialCallStatus as
-- received; it is Bolt's own value now, translated by lib/telephony/statuses.ts before it is stored.
-- "answered" is what Twilio says of a dialled conference that picked up; anything else Bolt never
-- knew (and its "unknown" for a missing status) becomes UNKNOWN. The API still answers with the old
-- words (lib/calls/call-event-entries.ts), so clients see no change.
-- call_events has FORCE row-level security: without system mode a non-superuser owner (e.g. under
-- `prisma migrate deploy`) would update no rows, silently. Bolt's migrator sets it too.
SELECT set_config('bolt.system', 'on', true);
UPDATE "call_events"
SET "detail" = jsonb_set("detail", '{result}', to_jsonb(CASE "detail"->>'result'
    WHEN 'completed' THEN 'PICKED_UP'
    WHEN 'answered' THEN 'PICKED_UP'
    WHEN 'no-answer' THEN 'NO_ANSWER'
    WHEN 'busy' THEN 'BUSY'
    WHEN 'failed' THEN 'FAILED'
    WHEN 'canceled' THEN 'CANCELED'
    ELSE 'UNKNOWN'
  END))
WHERE "kind" = 'TRANSFER_ENDED' AND "detail" ? 'result'
  AND "detail"->>'result' NOT IN ('PICKED_UP', 'NO_ANSWER', 'BUSY', 'FAILED', 'CANCELED', 'UNKNOWN');
