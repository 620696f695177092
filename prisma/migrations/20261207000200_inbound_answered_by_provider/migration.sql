-- An incoming STOP/START/HELP that Twilio's Advanced Opt-Out has already answered (it carries
-- OptOutType): Bolt still records the consent change but must not answer it a second time, also
-- when the worker's sweep acts on the text later, so the fact is stored with the text.
ALTER TABLE "inbound_messages" ADD COLUMN "answeredByProvider" BOOLEAN NOT NULL DEFAULT false;
