ALTER TABLE "salons" DROP COLUMN "autoReplyEs";
ALTER TABLE "salons" DROP COLUMN "greetingEs";
ALTER TABLE "call_logs" DROP COLUMN "language";
ALTER TABLE "customers" DROP COLUMN "language";
