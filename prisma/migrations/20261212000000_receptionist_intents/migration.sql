-- The receptionist now understands (and acts on) more than it used to: a call's reason can be moving,
-- cancelling or confirming an appointment, or asking for the waitlist, and a call's timeline notes the
-- slots offered, the appointment booked, moved, cancelled or confirmed, the waitlist joined and the
-- language chosen. Since PostgreSQL 12 ADD VALUE may run inside the migrator's transaction; nothing
-- here uses the new values before it commits.
ALTER TYPE "CallReason" ADD VALUE 'RESCHEDULE' AFTER 'BOOKING';
ALTER TYPE "CallReason" ADD VALUE 'CANCEL' AFTER 'RESCHEDULE';
ALTER TYPE "CallReason" ADD VALUE 'CONFIRM' AFTER 'CANCEL';
ALTER TYPE "CallReason" ADD VALUE 'WAITLIST' AFTER 'CONFIRM';

ALTER TYPE "CallEventKind" ADD VALUE 'LANGUAGE_CHOSEN' AFTER 'HEARD';
ALTER TYPE "CallEventKind" ADD VALUE 'SLOTS_OFFERED' AFTER 'BOOKING_TEXT';
ALTER TYPE "CallEventKind" ADD VALUE 'APPOINTMENT_BOOKED' AFTER 'SLOTS_OFFERED';
ALTER TYPE "CallEventKind" ADD VALUE 'APPOINTMENT_MOVED' AFTER 'APPOINTMENT_BOOKED';
ALTER TYPE "CallEventKind" ADD VALUE 'APPOINTMENT_CANCELLED' AFTER 'APPOINTMENT_MOVED';
ALTER TYPE "CallEventKind" ADD VALUE 'APPOINTMENT_CONFIRMED' AFTER 'APPOINTMENT_CANCELLED';
ALTER TYPE "CallEventKind" ADD VALUE 'WAITLIST_JOINED' AFTER 'APPOINTMENT_CONFIRMED';
