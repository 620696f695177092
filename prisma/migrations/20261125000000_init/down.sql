-- DropForeignKey
ALTER TABLE "memberships" DROP CONSTRAINT "memberships_salonId_fkey";

-- DropForeignKey
ALTER TABLE "memberships" DROP CONSTRAINT "memberships_userId_fkey";

-- DropForeignKey
ALTER TABLE "customers" DROP CONSTRAINT "customers_salonId_fkey";

-- DropForeignKey
ALTER TABLE "employees" DROP CONSTRAINT "employees_salonId_fkey";

-- DropForeignKey
ALTER TABLE "services" DROP CONSTRAINT "services_salonId_fkey";

-- DropForeignKey
ALTER TABLE "appointments" DROP CONSTRAINT "appointments_salonId_fkey";

-- DropForeignKey
ALTER TABLE "appointments" DROP CONSTRAINT "appointments_customerId_fkey";

-- DropForeignKey
ALTER TABLE "appointments" DROP CONSTRAINT "appointments_employeeId_fkey";

-- DropForeignKey
ALTER TABLE "appointments" DROP CONSTRAINT "appointments_serviceId_fkey";

-- DropForeignKey
ALTER TABLE "call_logs" DROP CONSTRAINT "call_logs_salonId_fkey";

-- DropForeignKey
ALTER TABLE "call_logs" DROP CONSTRAINT "call_logs_customerId_fkey";

-- DropForeignKey
ALTER TABLE "notifications" DROP CONSTRAINT "notifications_salonId_fkey";

-- DropForeignKey
ALTER TABLE "notifications" DROP CONSTRAINT "notifications_appointmentId_fkey";

-- DropForeignKey
ALTER TABLE "notifications" DROP CONSTRAINT "notifications_customerId_fkey";

-- DropForeignKey
ALTER TABLE "notifications" DROP CONSTRAINT "notifications_employeeId_fkey";

-- DropForeignKey
ALTER TABLE "notification_events" DROP CONSTRAINT "notification_events_salonId_fkey";

-- DropForeignKey
ALTER TABLE "notification_events" DROP CONSTRAINT "notification_events_notificationId_fkey";

-- DropForeignKey
ALTER TABLE "inbound_messages" DROP CONSTRAINT "inbound_messages_salonId_fkey";

-- DropForeignKey
ALTER TABLE "inbound_messages" DROP CONSTRAINT "inbound_messages_customerId_fkey";

-- DropForeignKey
ALTER TABLE "api_keys" DROP CONSTRAINT "api_keys_salonId_fkey";

-- DropForeignKey
ALTER TABLE "audit_logs" DROP CONSTRAINT "audit_logs_salonId_fkey";

-- DropTable
DROP TABLE "salons";

-- DropTable
DROP TABLE "users";

-- DropTable
DROP TABLE "memberships";

-- DropTable
DROP TABLE "customers";

-- DropTable
DROP TABLE "employees";

-- DropTable
DROP TABLE "services";

-- DropTable
DROP TABLE "appointments";

-- DropTable
DROP TABLE "call_logs";

-- DropTable
DROP TABLE "notifications";

-- DropTable
DROP TABLE "notification_events";

-- DropTable
DROP TABLE "inbound_messages";

-- DropTable
DROP TABLE "api_keys";

-- DropTable
DROP TABLE "webhook_events";

-- DropTable
DROP TABLE "audit_logs";

-- DropEnum
DROP TYPE "Role";

-- DropEnum
DROP TYPE "SubscriptionStatus";

-- DropEnum
DROP TYPE "SmsConsent";

-- DropEnum
DROP TYPE "AppointmentStatus";

-- DropEnum
DROP TYPE "CallDirection";

-- DropEnum
DROP TYPE "CallStatus";

-- DropEnum
DROP TYPE "CallReason";

-- DropEnum
DROP TYPE "NotificationChannel";

-- DropEnum
DROP TYPE "RecipientKind";

-- DropEnum
DROP TYPE "NotificationKind";

-- DropEnum
DROP TYPE "NotificationStatus";

-- DropEnum
DROP TYPE "WebhookProvider";
