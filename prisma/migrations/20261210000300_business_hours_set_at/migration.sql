-- When an owner last saved the salon's opening hours: the onboarding checklist's "opening hours" step.
-- A new salon starts with default hours (Tue–Sat 9–6) and null here until the owner confirms or edits them.
ALTER TABLE "salons" ADD COLUMN "businessHoursSetAt" TIMESTAMP(3);

-- Salons from before the defaults filled their hours in themselves: count those as set.
UPDATE "salons" SET "businessHoursSetAt" = "updatedAt" WHERE "businessHours" <> '{}'::jsonb;
