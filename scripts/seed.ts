// `npm run db:seed`: adds the demo salon to DATABASE_URL (idempotent: a second run changes nothing).
import { DEMO_OWNER, DEMO_STAFF, seedDemoSalon } from "@/lib/dev/seed/demo";
import { db } from "@/lib/db";
import { closeDatabaseClients } from "@/lib/db/close-clients";

const { created } = await seedDemoSalon(db);
console.log(created ? "seeded the demo salon" : "the demo salon is already there");
console.log(`owner: ${DEMO_OWNER.email} / ${DEMO_OWNER.password}   staff: ${DEMO_STAFF.email} / ${DEMO_STAFF.password}`);
// Seeding queues the demo appointments' reminders, which starts the job queue's client.
await closeDatabaseClients();
