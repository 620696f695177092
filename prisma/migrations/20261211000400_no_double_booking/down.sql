-- Stylists the up migration un-assigned stay un-assigned (their audit_logs rows say who they were).
-- btree_gist stays installed: it is harmless, and other objects may have come to rely on it.
ALTER TABLE "appointments" DROP CONSTRAINT "appointments_no_double_booking";
