-- Spanish end to end: a customer's language is remembered (null: not known yet, read as English), a
-- call notes the language it was held in, and the owner can word the Spanish greeting and auto-reply.
-- Text with a CHECK, like call_logs.outcome: the two-letter codes of lib/i18n/language.ts.
ALTER TABLE "customers" ADD COLUMN "language" TEXT;
ALTER TABLE "customers" ADD CONSTRAINT "customers_language_check" CHECK ("language" IN ('en', 'es'));
ALTER TABLE "call_logs" ADD COLUMN "language" TEXT;
ALTER TABLE "call_logs" ADD CONSTRAINT "call_logs_language_check" CHECK ("language" IN ('en', 'es'));
ALTER TABLE "salons" ADD COLUMN "greetingEs" TEXT;
ALTER TABLE "salons" ADD COLUMN "autoReplyEs" TEXT;
