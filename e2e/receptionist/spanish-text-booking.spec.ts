// A Spanish-speaking customer books by text (correctly signed Twilio webhooks to the running app): Bolt
// answers in Spanish with real free times for the service asked about, the customer picks one by
// number, Bolt confirms in Spanish, and staff see the booking in the salon's appointments.
import { expect, test } from "@playwright/test";
import { logIn, STAFF } from "../support";
import { textTheSalon } from "../twilio";

test("a customer texts in Spanish to book, gets Spanish slots, picks one, and staff see the booking", async ({ page, request, baseURL }) => {
  test.setTimeout(120_000); // two texts answered through the queue, three page loads (slow on a loaded 2-core box)
  const last4 = String(1000 + (Date.now() % 9000));
  const phone = `+1628555${last4}`;
  const shown = `(628) 555-${last4}`;
  // The text first: Bolt answers it through the queue while staff sign in.
  expect((await textTheSalon(request, baseURL!, phone, "Hola, quisiera reservar un corte de caballero para mañana")).status()).toBe(200);
  await logIn(page, STAFF);
  await page.goto("/messages");
  await page.locator('a[href^="/messages/"]').filter({ hasText: shown }).first().click();
  const outbound = page.locator('li[data-direction="outbound"]');
  const offer = outbound.filter({ hasText: "Para Men's cut tenemos: 1)" });
  await expect(offer).toHaveCount(1, { timeout: 20_000 });
  await expect(offer).toContainText("Responda 1");
  // "1) jue 10 de dic a las 9:00 con Ana": the day and time Bolt offered first.
  const first = /1\) \S+ (\d{1,2}) de dic a las (\d{1,2}):(\d{2}) con /.exec(await offer.innerText());
  expect(first, "the offer names a day in December and a time").not.toBeNull();
  const [, day, hour, minute] = first!;

  expect((await textTheSalon(request, baseURL!, phone, "1")).status()).toBe(200);
  await expect(outbound.filter({ hasText: `¡Listo! Tiene Men's cut con` })).toHaveCount(1, { timeout: 20_000 });

  // Staff see it on that day's appointments, at the time offered.
  const h = Number(hour);
  const time = `${h % 12 || 12}:${minute} ${h < 12 ? "AM" : "PM"}`;
  await page.goto(`/appointments?view=list&date=2026-12-${day!.padStart(2, "0")}`);
  const row = page.locator("li[data-appointment-id]").filter({ hasText: shown });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("Men's cut");
  await expect(row).toContainText(time);
});
