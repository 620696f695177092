// The bulk rows of bench:scale, set-based: every table is one INSERT … SELECT over generate_series in one
// session, with per-row random() draws for realistic mixes (call outcomes, text statuses and failure codes,
// business-hour times in each salon's zone over 90 days). Runs as the cluster's superuser, which row-level
// security does not apply to, so it keeps working whatever the policies and app roles become.
import pg from "pg";

export type GrowPlan = {
  /** Salons in total, the demo salon included. */
  salons: number;
  /** Call logs and notifications in total (each), the demo salon's included. */
  rows: number;
  /** The demo salon's share of each. */
  demoRows: number;
  days: number;
};

const TIME_ZONES = ["America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles"];
const HOURS = JSON.stringify(
  Object.fromEntries(
    ["mon", "tue", "wed", "thu", "fri", "sat", "sun"].map((d) => [
      d,
      d === "sun" ? [] : [{ open: "09:00", close: "19:00" }],
    ]),
  ),
);
// Per salon: customers, appointments and inbound texts (the demo salon gets ten times as many).
const PER_SALON = { customers: 300, appointments: 300, inbound: 200 };
const DEMO_FACTOR = 10;

// Helpers live in pg_temp: gone with the session, nothing left in the app's schema.
const HELPERS = `
-- A wall-clock minute in a salon's zone, \`daysAgo\` days back, as the UTC timestamp Prisma stores.
CREATE FUNCTION pg_temp.local_at(tz text, days_ago int, minute_of_day float8) RETURNS timestamp
LANGUAGE sql IMMUTABLE AS $$
  SELECT ((date_trunc('day', now() AT TIME ZONE tz) - days_ago * interval '1 day'
           + minute_of_day * interval '1 minute') AT TIME ZONE tz) AT TIME ZONE 'UTC'
$$;
-- Mostly during opening hours (9–19), some before and after: when calls and texts happen.
CREATE FUNCTION pg_temp.busy_minute(r float8, r2 float8) RETURNS float8 LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN r < 0.82 THEN 540 + r2 * 600 WHEN r < 0.9 THEN 420 + r2 * 120 ELSE 1140 + r2 * 150 END
$$;
-- A past moment within \`days\` days, never in the last ten minutes.
CREATE FUNCTION pg_temp.past_at(tz text, days int, r1 float8, r2 float8, r3 float8) RETURNS timestamp
LANGUAGE sql AS $$
  SELECT CASE WHEN t > (now() AT TIME ZONE 'UTC') - interval '10 minutes' THEN t - interval '1 day' ELSE t END
  FROM (SELECT pg_temp.local_at(tz, floor(r1 * days)::int, pg_temp.busy_minute(r2, r3)) AS t) x
$$;
CREATE FUNCTION pg_temp.pick(items text[], r float8) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT items[1 + floor(r * array_length(items, 1))::int]
$$;
`;

/** Salon of the i-th generated row: the demo salon (n = 0) takes the first `demo`, the rest go round. */
const salonOf = (demo: string, others: string) =>
  `CASE WHEN i <= ${demo} THEN 0 ELSE 1 + (i - ${demo} - 1) % ${others} END`;

function salonsSql(plan: GrowPlan): string[] {
  const others = plan.salons - 1;
  return [
    `INSERT INTO salons (id, name, slug, "timeZone", "businessHours", "twilioNumber", phone, "forwardingPhone",
        "subscriptionStatus", "createdAt", "updatedAt")
     SELECT 'bsalon' || lpad(n::text, 6, '0'), 'Bench Salon ' || n, 'bench-scale-' || n,
        (ARRAY[${TIME_ZONES.map((z) => `'${z}'`).join(",")}])[1 + n % ${TIME_ZONES.length}], '${HOURS}'::jsonb,
        '+1646' || lpad(n::text, 7, '0'), '+1917' || lpad(n::text, 7, '0'), '+1917' || lpad(n::text, 7, '0'),
        'ACTIVE', now() - interval '200 days', now()
     FROM generate_series(1, ${others}) n`,
    `INSERT INTO employees (id, "salonId", name, phone, "createdAt", "updatedAt")
     SELECT 'bemp-' || n || '-' || e, 'bsalon' || lpad(n::text, 6, '0'), (ARRAY['Ana','Ben','Cleo','Dev'])[e], NULL, now(), now()
     FROM generate_series(1, ${others}) n, generate_series(1, 4) e`,
    `INSERT INTO services (id, "salonId", name, "durationMinutes", "priceCents", "createdAt", "updatedAt")
     SELECT 'bsvc-' || n || '-' || v, 'bsalon' || lpad(n::text, 6, '0'),
        (ARRAY['Haircut','Colour','Blowout','Balayage'])[v], (ARRAY[45,90,45,150])[v], (ARRAY[5500,12000,4500,22000])[v], now(), now()
     FROM generate_series(1, ${others}) n, generate_series(1, 4) v`,
  ];
}

/** The map every later statement joins on: n → salon id, zone, number, customer count, staff, services. */
function salonMapSql(demoSalonId: string, plan: GrowPlan): string {
  const factor = (col: string) =>
    `CASE WHEN s.id = '${demoSalonId}' THEN ${col} * ${DEMO_FACTOR} ELSE ${col} END`;
  return `
    CREATE TEMP TABLE bench_salons AS
    SELECT CASE WHEN s.id = '${demoSalonId}' THEN 0 ELSE substr(s.id, 7)::int END AS n, s.id, s."timeZone" AS tz,
      s."twilioNumber" AS number, s."forwardingPhone" AS forwarding,
      ${factor(String(PER_SALON.customers))} AS customers,
      ${factor(String(PER_SALON.appointments))} AS appointments,
      ${factor(String(PER_SALON.inbound))} AS inbound,
      (SELECT array_agg(e.id ORDER BY e.id) FROM employees e WHERE e."salonId" = s.id) AS employees,
      (SELECT array_agg(v.id ORDER BY v.id) FROM services v WHERE v."salonId" = s.id) AS services
    FROM salons s WHERE s.id = '${demoSalonId}' OR s.id LIKE 'bsalon%';
    CREATE UNIQUE INDEX ON bench_salons (n);
    ANALYZE bench_salons;
    SELECT ${plan.salons} AS planned`;
}

const customersSql = `
  INSERT INTO customers (id, "salonId", phone, name, "smsConsent", "optedOutAt", "firstTextedAt", "createdAt", "updatedAt")
  SELECT 'bcus-' || s.n || '-' || k, s.id, '+1332' || lpad(k::text, 7, '0'),
    pg_temp.pick(ARRAY['Avery','Blake','Casey','Drew','Emery','Finley','Harper','Jordan','Kai','Logan','Morgan','Quinn','Riley','Sage','Taylor'], random())
      || ' ' || pg_temp.pick(ARRAY['Nguyen','Garcia','Smith','Patel','Kim','Lopez','Brown','Cohen','Rossi','Okafor'], random()),
    CASE WHEN k % 50 = 7 THEN 'OPTED_OUT'::"SmsConsent" ELSE 'OPTED_IN'::"SmsConsent" END,
    CASE WHEN k % 50 = 7 THEN now() - interval '30 days' END,
    now() - interval '150 days', now() - interval '180 days', now() - interval '30 days'
  FROM bench_salons s, generate_series(0, s.customers - 1) k`;

function appointmentsSql(days: number): string {
  return `
  INSERT INTO appointments (id, "salonId", "customerId", "employeeId", "serviceId", "startsAt", "endsAt", status, "confirmedAt", "createdAt", "updatedAt")
  SELECT 'bapt-' || s.n || '-' || j, s.id, 'bcus-' || s.n || '-' || floor(r.c * s.customers)::int,
    pg_temp.pick(s.employees, r.e), pg_temp.pick(s.services, r.e), t.at, t.at + interval '1 hour',
    CASE WHEN t.at > now() AT TIME ZONE 'UTC' THEN (CASE WHEN r.st < 0.4 THEN 'CONFIRMED' ELSE 'BOOKED' END)::"AppointmentStatus"
         WHEN r.st < 0.88 THEN 'COMPLETED'::"AppointmentStatus" WHEN r.st < 0.92 THEN 'NO_SHOW'::"AppointmentStatus"
         ELSE 'CANCELLED'::"AppointmentStatus" END,
    CASE WHEN r.st < 0.4 THEN t.at - interval '1 day' END, t.at - interval '10 days', t.at - interval '9 days'
  FROM bench_salons s CROSS JOIN LATERAL generate_series(1, s.appointments) j
  CROSS JOIN LATERAL (SELECT random() + 0 * j AS c, random() AS e, random() AS st, random() AS d, random() AS m) r
  CROSS JOIN LATERAL (SELECT pg_temp.local_at(s.tz, ${days} - floor(r.d * (${days} + 14))::int, 540 + floor(r.m * 36) * 15) AS at) t
  -- A random time can land on a stylist's live booking, which the no-double-booking constraint refuses: skip it.
  ON CONFLICT DO NOTHING`;
}

function callsSql(plan: GrowPlan, demo: string, total: string): string {
  const others = plan.salons - 1;
  return `
  INSERT INTO call_logs (id, "salonId", "callSid", direction, "from", "to", status, reason, "startedAt", "answeredAt", "endedAt",
    "durationSeconds", "forwardedTo", "recordingSid", "recordingDurationSeconds", transcription, "transcriptionStatus",
    "customerId", "missedCallTextAt", "createdAt", "updatedAt", outcome)
  SELECT 'bcall' || lpad(i::text, 9, '0'), s.id, 'CA' || md5('bench-call-' || i), 'INBOUND', COALESCE(c.phone, '+1650' || lpad((i % 9000000)::text, 7, '0')),
    s.number,
    o.status::"CallStatus", o.reason::"CallReason", t.at,
    CASE WHEN o.kind = 'staff' THEN t.at + interval '15 seconds' END,
    t.at + o.seconds * interval '1 second', o.seconds,
    CASE WHEN o.kind = 'staff' THEN s.forwarding END,
    CASE WHEN o.kind = 'voicemail' THEN 'RE' || md5('bench-rec-' || i) END,
    CASE WHEN o.kind = 'voicemail' THEN 8 + (i % 50) END,
    CASE WHEN o.kind = 'voicemail' THEN pg_temp.pick(ARRAY[
      'Hi, I need to move my appointment on Saturday to the afternoon if anything is open. Please call me back.',
      'Hello, I would like to book a cut and colour next week, any day after three. Thanks.',
      'Hi, I am running about fifteen minutes late, so sorry! Text me if that does not work.',
      'Hi, do you sell gift cards? Call me back when you can.'], r.v) END,
    CASE WHEN o.kind = 'voicemail' THEN 'completed' END,
    c.id, CASE WHEN o.kind = 'missed' THEN t.at + interval '1 minute' END, t.at, t.at + o.seconds * interval '1 second',
    -- What callOutcomeOf says for each kind below (every generated call has ended).
    CASE o.kind WHEN 'bolt' THEN 'ANSWERED_BY_BOLT' WHEN 'staff' THEN 'ANSWERED_BY_STAFF' WHEN 'voicemail' THEN 'VOICEMAIL' ELSE 'MISSED' END
  FROM generate_series(1, ${total}) i
  JOIN bench_salons s ON s.n = ${salonOf(demo, String(others))}
  CROSS JOIN LATERAL (SELECT random() + 0 * i AS o, random() AS v, random() AS k, random() AS c,
                             random() AS d, random() AS h, random() AS m, random() AS sec) r
  LEFT JOIN customers c ON r.c < 0.7 AND c.id = 'bcus-' || s.n || '-' || floor(r.k * s.customers)::int
  CROSS JOIN LATERAL (SELECT pg_temp.past_at(s.tz, ${plan.days}, r.d, r.h, r.m) + r.sec * interval '59 seconds' AS at) t
  CROSS JOIN LATERAL (SELECT
    CASE WHEN r.o < 0.40 THEN 'bolt' WHEN r.o < 0.62 THEN 'staff' WHEN r.o < 0.82 THEN 'voicemail' ELSE 'missed' END AS kind,
    CASE WHEN r.o < 0.82 THEN 'COMPLETED' WHEN r.o < 0.88 THEN 'NO_ANSWER' WHEN r.o < 0.90 THEN 'BUSY'
         WHEN r.o < 0.91 THEN 'FAILED' WHEN r.o < 0.92 THEN 'CANCELED' ELSE 'COMPLETED' END AS status,
    CASE WHEN r.o < 0.40 THEN pg_temp.pick(ARRAY['HOURS','HOURS','BOOKING','BOOKING','BOOKING','PRICES','ADDRESS'], r.v)
         WHEN r.o < 0.62 THEN 'TRANSFER' WHEN r.o < 0.82 THEN 'VOICEMAIL'
         WHEN r.o >= 0.96 THEN 'UNKNOWN' END AS reason,
    CASE WHEN r.o < 0.40 THEN 25 + floor(r.v * 70) WHEN r.o < 0.62 THEN 75 + floor(r.v * 400)
         WHEN r.o < 0.82 THEN 40 + floor(r.v * 60) WHEN r.o < 0.92 THEN 0 ELSE 4 + floor(r.v * 8) END::int AS seconds) o`;
}

function notificationsSql(plan: GrowPlan, demo: string, total: string): string {
  const others = plan.salons - 1;
  return `
  INSERT INTO notifications (id, "salonId", channel, "recipientKind", destination, body, kind, status, "errorCode", "failureReason",
    "customerId", "scheduledFor", attempts, "segmentCount", "sentAt", "deliveredAt", "failedAt", "providerMessageId", "createdAt", "updatedAt")
  SELECT 'bntf' || lpad(i::text, 9, '0'), s.id, 'SMS', CASE WHEN k.kind = 'STAFF_ALERT' THEN 'EMPLOYEE' ELSE 'CUSTOMER' END::"RecipientKind",
    CASE WHEN k.kind = 'STAFF_ALERT' THEN s.forwarding ELSE c.phone END,
    CASE k.kind WHEN 'REMINDER' THEN 'Reminder: your appointment is tomorrow at 2:30 PM. Reply C to confirm or R to reschedule.'
      WHEN 'CONFIRMATION' THEN 'You are booked for Saturday at 11:00 AM. Reply C to confirm or R to reschedule. Reply STOP to opt out.'
      WHEN 'AUTO_REPLY' THEN 'Thanks for texting! A stylist will get back to you shortly.'
      WHEN 'MISSED_CALL' THEN 'Sorry we missed your call! Reply here or book online any time.'
      WHEN 'STAFF_ALERT' THEN 'New voicemail from a client: please call back.'
      ELSE 'Hi! Just checking in about your next visit.' END,
    k.kind::"NotificationKind", k.status::"NotificationStatus",
    CASE WHEN k.status = 'FAILED' THEN pg_temp.pick(ARRAY['30003','30005','30006','30007','21610','30008'], r.e)
         WHEN k.status = 'UNDELIVERED' THEN pg_temp.pick(ARRAY['30003','30005'], r.e) END,
    CASE WHEN k.status = 'FAILED' THEN pg_temp.pick(ARRAY['Unreachable handset','Unknown destination','Landline or unreachable carrier',
           'Blocked by the carrier as spam','Recipient opted out','Unknown error'], r.e)
         WHEN k.status = 'UNDELIVERED' THEN 'Unreachable handset' END,
    CASE WHEN k.kind = 'STAFF_ALERT' THEN NULL ELSE c.id END,
    CASE WHEN k.status = 'QUEUED' THEN (now() AT TIME ZONE 'UTC') + interval '7 days' + r.e * interval '50 days' END,
    CASE WHEN k.status IN ('QUEUED', 'CANCELED') THEN 0 ELSE 1 END, 1,
    CASE WHEN k.status IN ('SENT', 'DELIVERED', 'UNDELIVERED') THEN t.at + interval '2 seconds' END,
    CASE WHEN k.status = 'DELIVERED' THEN t.at + interval '6 seconds' END,
    CASE WHEN k.status IN ('FAILED', 'UNDELIVERED') THEN t.at + interval '8 seconds' END,
    CASE WHEN k.status NOT IN ('QUEUED', 'CANCELED') THEN 'SM' || md5('bench-sms-' || i) END,
    t.at, t.at + interval '10 seconds'
  FROM generate_series(1, ${total}) i
  JOIN bench_salons s ON s.n = ${salonOf(demo, String(others))}
  CROSS JOIN LATERAL (SELECT random() + 0 * i AS kd, random() AS st, random() AS e, random() AS c,
                             random() AS d, random() AS h, random() AS m, random() AS sec) r
  JOIN customers c ON c.id = 'bcus-' || s.n || '-' || floor(r.c * s.customers)::int
  CROSS JOIN LATERAL (SELECT
    CASE WHEN r.kd < 0.45 THEN 'REMINDER' WHEN r.kd < 0.62 THEN 'CONFIRMATION' WHEN r.kd < 0.72 THEN 'AUTO_REPLY'
         WHEN r.kd < 0.80 THEN 'MISSED_CALL' WHEN r.kd < 0.90 THEN 'CUSTOM' WHEN r.kd < 0.94 THEN 'APPOINTMENT_REPLY'
         WHEN r.kd < 0.97 THEN 'KEYWORD_REPLY' WHEN r.kd < 0.99 THEN 'BOOKING_INFO' ELSE 'STAFF_ALERT' END AS kind,
    CASE WHEN r.st < 0.86 THEN 'DELIVERED' WHEN r.st < 0.90 THEN 'SENT' WHEN r.st < 0.945 THEN 'FAILED'
         WHEN r.st < 0.97 THEN 'UNDELIVERED' WHEN r.st < 0.985 THEN 'CANCELED' ELSE 'QUEUED' END AS status) k
  CROSS JOIN LATERAL (SELECT pg_temp.past_at(s.tz, ${plan.days}, r.d, r.h, r.m) + r.sec * interval '59 seconds' AS at) t`;
}

function inboundSql(days: number): string {
  return `
  INSERT INTO inbound_messages (id, "salonId", "customerId", "messageSid", "from", "to", body, keyword, "receivedAt", "readAt",
    "processedAt", attempts, "createdAt", "updatedAt")
  SELECT 'bin-' || s.n || '-' || j, s.id, c.id, 'SM' || md5('bench-in-' || s.n || '-' || j), c.phone, s.number,
    CASE WHEN r.w < 0.05 THEN 'C' WHEN r.w < 0.07 THEN 'R' WHEN r.w < 0.075 THEN 'STOP'
      ELSE pg_temp.pick(ARRAY['Do you have anything Saturday morning?','Running 10 min late, sorry!',
        'Can I book a trim next week?','Thank you!','What time do you close today?'], r.b) END,
    CASE WHEN r.w < 0.05 THEN 'C' WHEN r.w < 0.07 THEN 'R' WHEN r.w < 0.075 THEN 'STOP' END,
    t.at, CASE WHEN r.b < 0.9 THEN t.at + interval '20 minutes' END, t.at + interval '2 seconds', 1, t.at, t.at + interval '2 seconds'
  FROM bench_salons s CROSS JOIN LATERAL generate_series(1, s.inbound) j
  CROSS JOIN LATERAL (SELECT random() + 0 * j AS w, random() AS b, random() AS c, random() AS d, random() AS h, random() AS m) r
  JOIN customers c ON c.id = 'bcus-' || s.n || '-' || floor(r.c * s.customers)::int
  CROSS JOIN LATERAL (SELECT pg_temp.past_at(s.tz, ${days}, r.d, r.h, r.m) AS at) t`;
}

/**
 * Grows the database at `superuserUrl` (the app's database) around the already-seeded demo salon.
 * Tops call logs and notifications up to plan.rows each, the demo salon's to plan.demoRows.
 */
export async function generateScaleRows(
  superuserUrl: string,
  demoSalonId: string,
  plan: GrowPlan,
  say: (msg: string) => void,
): Promise<void> {
  const client = new pg.Client({ connectionString: superuserUrl });
  await client.connect();
  const step = async (label: string, sql: string | string[]) => {
    const t0 = Date.now();
    for (const statement of [sql].flat()) await client.query(statement);
    say(`  ${label} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  };
  const countOf = async (table: string, where = "TRUE") =>
    Number((await client.query(`SELECT count(*)::int AS n FROM ${table} WHERE ${where}`)).rows[0].n);
  try {
    // Bulk load: no need to wait for the WAL flush on every statement.
    await client.query("SET synchronous_commit = off; SELECT setseed(0.42)");
    await client.query(HELPERS);
    await step(`${plan.salons - 1} salons with staff and services`, salonsSql(plan));
    await client.query(salonMapSql(demoSalonId, plan));
    await step("customers", customersSql);
    await step("appointments", appointmentsSql(plan.days));
    for (const [table, build] of [
      ["call_logs", callsSql],
      ["notifications", notificationsSql],
    ] as const) {
      const demoHas = await countOf(table, `"salonId" = '${demoSalonId}'`);
      const allHave = await countOf(table);
      const demo = Math.max(0, plan.demoRows - demoHas);
      const total = Math.max(0, plan.rows - allHave);
      await step(`${total.toLocaleString("en-US")} ${table}`, build(plan, String(demo), String(total)));
    }
    await step("inbound texts", inboundSql(plan.days));
    await step("ANALYZE", "ANALYZE");
  } finally {
    await client.end();
  }
}
