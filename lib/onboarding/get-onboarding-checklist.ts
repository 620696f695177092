// The dashboard's onboarding checklist: the steps from sign-up to a working front desk, each done or
// not from the salon's real state (subscription, number, hours saved, greeting and forwarding phone, a
// first call logged), never from a "completed" flag the owner could get out of step with.
import { salonDb } from "@/lib/db";
import type { SubscriptionStatus } from "@/lib/generated/prisma/client";

export type OnboardingStepId = "trial" | "number" | "hours" | "greeting" | "test-call";
export type OnboardingStep = { id: OnboardingStepId; done: boolean };

export type OnboardingState = {
  subscriptionStatus: SubscriptionStatus;
  twilioNumber: string | null;
  businessHoursSetAt: Date | null;
  greeting: string | null;
  forwardingPhone: string | null;
  hasCalls: boolean;
};

export type OnboardingChecklist = {
  steps: OnboardingStep[];
  complete: boolean;
  /** The subscription has started and the number is being bought: the dashboard polls until it shows. */
  numberPending: boolean;
  twilioNumber: string | null;
};

// States in which the salon has (or is getting) its number: the trial step is behind it.
const SUBSCRIBED: ReadonlySet<SubscriptionStatus> = new Set(["TRIALING", "ACTIVE", "PAST_DUE", "UNPAID", "PAUSED"]);

export function onboardingChecklistOf(state: OnboardingState): OnboardingChecklist {
  const subscribed = SUBSCRIBED.has(state.subscriptionStatus);
  const steps: OnboardingStep[] = [
    { id: "trial", done: subscribed },
    { id: "number", done: state.twilioNumber !== null },
    { id: "hours", done: state.businessHoursSetAt !== null },
    { id: "greeting", done: Boolean(state.greeting?.trim()) && state.forwardingPhone !== null },
    { id: "test-call", done: state.hasCalls },
  ];
  return {
    steps,
    complete: steps.every((s) => s.done),
    numberPending: subscribed && state.twilioNumber === null,
    twilioNumber: state.twilioNumber,
  };
}

/** The salon's checklist: one row of the salon and one index probe of its calls. */
export async function getOnboardingChecklist(salonId: string): Promise<OnboardingChecklist> {
  const scoped = salonDb(salonId);
  const [salon, call] = await Promise.all([
    scoped.salon.findFirstOrThrow({
      where: { id: salonId },
      select: { subscriptionStatus: true, twilioNumber: true, businessHoursSetAt: true, greeting: true, forwardingPhone: true },
    }),
    scoped.callLog.findFirst({ where: { salonId }, select: { id: true } }),
  ]);
  return onboardingChecklistOf({ ...salon, hasCalls: call !== null });
}

/** A short fingerprint of which steps are done: the poller refreshes the page when it changes. */
export function checklistKey(checklist: OnboardingChecklist): string {
  return checklist.steps.map((s) => (s.done ? "1" : "0")).join("");
}
