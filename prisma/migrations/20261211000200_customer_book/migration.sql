-- The salon's customer book (issue 13): search columns for the customer list, merged records, and the
-- index a customer's calls are read and moved by.

-- Lower-cased name and last name, kept by a trigger so every writer (the app, imports, the demo seed,
-- psql) fills them. Collation "C": a prefix search is then a plain byte range (`>= 'ann' AND < 'ann' ||
-- U&'\+10FFFF'`) whose operators are LEAKPROOF, so under row-level security it is an index condition (a
-- LIKE or lower(…) never is); the list sorts by the same column. Emails are compared lower-cased too
-- (nobody's mailbox depends on case), so the trigger stores them that way and search is an equality.
ALTER TABLE "customers"
    ADD COLUMN "searchName" TEXT COLLATE "C",
    ADD COLUMN "searchLastName" TEXT COLLATE "C",
    ADD COLUMN "mergedIntoId" TEXT,
    ADD COLUMN "mergedAt" TIMESTAMP(3);

CREATE FUNCTION "customers_search_columns"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW."searchName" := NULLIF(lower(btrim(NEW."name")), '');
    -- The last word of a name of two or more ("maria garcia" → "garcia"); a single word is searchName already.
    NEW."searchLastName" := CASE WHEN NEW."searchName" LIKE '% %' THEN substring(NEW."searchName" FROM '(\S+)$') END;
    NEW."email" := NULLIF(lower(btrim(NEW."email")), '');
    RETURN NEW;
END
$$;

CREATE TRIGGER "customers_search_columns" BEFORE INSERT OR UPDATE OF "name", "email" ON "customers"
    FOR EACH ROW EXECUTE FUNCTION "customers_search_columns"();

UPDATE "customers" SET "name" = "name";

-- A merged record stays behind as a pointer to the record it was merged into, so its phone number still
-- finds that customer in the one (salonId, phone) lookup the webhooks make. Chains are never left: a
-- merge repoints earlier pointers too. Deleting the kept record deletes its pointers.
ALTER TABLE "customers" ADD CONSTRAINT "customers_mergedIntoId_fkey"
    FOREIGN KEY ("mergedIntoId") REFERENCES "customers"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE INDEX "customers_salonId_searchName_id_idx" ON "customers"("salonId", "searchName", "id");
CREATE INDEX "customers_salonId_searchLastName_idx" ON "customers"("salonId", "searchLastName");
CREATE INDEX "customers_salonId_email_idx" ON "customers"("salonId", "email");
CREATE INDEX "customers_mergedIntoId_idx" ON "customers"("mergedIntoId");

-- A customer's calls: the customer page's timeline and a merge read them by customer.
CREATE INDEX "call_logs_salonId_customerId_startedAt_idx" ON "call_logs"("salonId", "customerId", "startedAt");
