// The owner invites a staff member by e-mail; the invitee opens the link from the local mail sink, sets
// their name and password, and is in: staff see the team read-only, and the login works on its own.
import { expect, test } from "@playwright/test";
import { DEMO_SALON, logIn, OWNER, uniqueEmail } from "../support";
import { emailedLinkPath } from "./mail-sink";

test("the owner invites a staff member who accepts and logs in", async ({ page, browser }) => {
  test.slow(); // two browsers, an invitation and two sign-ins on a busy 2-core machine
  const invitee = { email: uniqueEmail("invitee"), password: "a-staff-password-1", name: "Ivy Invitee" };

  await logIn(page, OWNER);
  await page.goto("/settings/team");
  await page.getByRole("button", { name: "Invite", exact: true }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Email").fill(invitee.email);
  await dialog.getByRole("button", { name: "Send invitation" }).click();
  await expect(dialog.getByText(`Invitation sent to ${invitee.email}.`)).toBeVisible();
  await dialog.getByRole("button", { name: "Done" }).click();
  await expect(page.getByRole("list", { name: "Pending invitations" })).toContainText(invitee.email);

  const context = await browser.newContext();
  const staff = await context.newPage();
  await staff.goto(await emailedLinkPath(invitee.email, "invite"));
  await expect(staff.getByText(`Join ${DEMO_SALON}`, { exact: true })).toBeVisible();
  await staff.getByLabel("Your name").fill(invitee.name);
  await staff.getByLabel("Choose a password").fill(invitee.password);
  await staff.getByRole("button", { name: "Join the team" }).click();
  // Joining hashes the password (argon2), signs in and renders the dashboard: as slow as a sign-in (../support).
  await expect(staff).toHaveURL(/\/$/, { timeout: 30_000 });

  // Signed out, the new login works from the login page; staff see the team but can't change it.
  await context.clearCookies();
  await logIn(staff, invitee);
  await staff.goto("/settings/team");
  await expect(staff.getByText("Only owners can invite people or change the team.")).toBeVisible();
  await expect(staff.getByRole("list", { name: "Team members" })).toContainText(invitee.name);
  await expect(staff.getByRole("button", { name: "Invite", exact: true })).toHaveCount(0);
  await context.close();

  await page.reload();
  await expect(page.getByRole("list", { name: "Team members" })).toContainText(invitee.email);
  await expect(page.getByRole("list", { name: "Pending invitations" })).toHaveCount(0);
});
