// The dashboard's setup checklist for a new salon: trial → number → hours → greeting and forwarding
// phone → a first call. Each step's state comes from the salon (lib/onboarding); the page hides the
// card once every step is done. Status is said in words, not only by the icon's colour.
import Link from "@/components/ui/link";
import { ArrowRightIcon, CheckCircle2Icon, CircleIcon, Loader2Icon } from "lucide-react";
import { NumberPoller } from "@/components/onboarding/number-poller";
import { TestCallButton } from "@/components/onboarding/test-call-button";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { checklistKey, type OnboardingChecklist, type OnboardingStepId } from "@/lib/onboarding/get-onboarding-checklist";
import { formatPhone } from "@/lib/phone";

type Props = {
  checklist: OnboardingChecklist;
  isOwner: boolean;
  /** Bolt runs on its Twilio stand-in: the last step is a button that places a simulated call. */
  sandbox: boolean;
  /** The week as the receptionist says it ("Our hours are Tuesday to Saturday, 9 AM to 6 PM. …"). */
  hoursSummary: string | null;
};

type StepView = { title: string; detail: React.ReactNode; action?: React.ReactNode; pending?: boolean };

function ActionLink({ href, children }: { href: string; children: React.ReactNode }) {
  return (
    <Button asChild size="sm" variant="outline" className="w-fit">
      <Link href={href}>
        {children}
        <ArrowRightIcon aria-hidden />
      </Link>
    </Button>
  );
}

function stepView(id: OnboardingStepId, done: boolean, { checklist, isOwner, sandbox, hoursSummary }: Props): StepView {
  const ownerAction = (href: string, label: string) => (done ? undefined : isOwner ? <ActionLink href={href}>{label}</ActionLink> : undefined);
  const number = checklist.twilioNumber ? formatPhone(checklist.twilioNumber) : null;
  switch (id) {
    case "trial":
      return {
        title: "Start your free trial",
        detail: done ? "Your subscription is running." : isOwner ? "Your salon's own number comes with it." : "Ask the salon owner to start it in Settings → Billing.",
        action: ownerAction("/settings/billing", "Start trial"),
      };
    case "number":
      if (done) return { title: "Get your phone number", detail: <>Your number is <strong className="tabular-nums">{number}</strong>. Put it on your website and listings.</> };
      if (checklist.numberPending) return { title: "Get your phone number", detail: "Getting your number… it appears here in a few seconds.", pending: true };
      return { title: "Get your phone number", detail: "No number yet: Bolt picks one near you as soon as your trial starts." };
    case "hours":
      return {
        title: "Check your opening hours",
        detail: `Bolt tells callers: “${hoursSummary ?? "We have no opening hours set at the moment."}”${done ? "" : " Change them, or save them as they are."}`,
        action: ownerAction("/settings/phone", "Review hours"),
      };
    case "greeting":
      return {
        title: "Add your greeting and forwarding phone",
        detail: "What callers hear first, and the phone Bolt rings when a caller asks for a person.",
        action: ownerAction("/settings/phone", "Set them up"),
      };
    case "test-call":
      // In the sandbox the button stays after the call: what the caller heard, and "Finish setup", stay in view.
      if (done) return { title: "Call your number now", detail: "Bolt has answered a call. You're all set.", ...(sandbox && number ? { action: <TestCallButton finishLabel="Finish setup" /> } : {}) };
      if (!number) return { title: "Call your number now", detail: "Once your number is ready, call it to hear Bolt answer." };
      if (sandbox) return { title: "Call your number now", detail: "In the sandbox, Bolt places a test call through its real phone line logic.", action: <TestCallButton finishLabel="Finish setup" /> };
      return { title: "Call your number now", detail: <>Call <strong className="tabular-nums">{number}</strong> from your phone and hear Bolt answer.</> };
  }
}

export function OnboardingChecklistCard(props: Props) {
  const { checklist } = props;
  const doneCount = checklist.steps.filter((s) => s.done).length;
  return (
    <Card aria-labelledby="onboarding-title">
      <CardHeader>
        <CardTitle id="onboarding-title" role="heading" aria-level={2}>
          Set up your front desk
        </CardTitle>
        <CardDescription>
          {doneCount} of {checklist.steps.length} steps done. This list goes away once everything is set.
        </CardDescription>
      </CardHeader>
      <CardContent>
        {checklist.numberPending && <NumberPoller stepsKey={checklistKey(checklist)} />}
        <ol className="grid gap-4" aria-label="Setup steps">
          {checklist.steps.map((step, index) => {
            const view = stepView(step.id, step.done, props);
            const Icon = step.done ? CheckCircle2Icon : view.pending ? Loader2Icon : CircleIcon;
            return (
              <li key={step.id} className="flex gap-3" data-step={step.id} data-done={step.done}>
                <Icon
                  className={`mt-0.5 size-5 shrink-0 ${step.done ? "text-success" : "text-muted-foreground"} ${view.pending ? "animate-spin" : ""}`}
                  aria-hidden
                />
                <div className="grid min-w-0 flex-1 gap-1.5">
                  <div className="flex flex-wrap items-center gap-2">
                    <p className="font-medium">
                      {index + 1}. {view.title}
                    </p>
                    <Badge variant={step.done ? "success" : view.pending ? "warning" : "secondary"}>
                      {step.done ? "Done" : view.pending ? "In progress" : "Not done"}
                    </Badge>
                  </div>
                  <p className="text-sm text-muted-foreground" aria-live={view.pending ? "polite" : undefined}>
                    {view.detail}
                  </p>
                  {view.action}
                </div>
              </li>
            );
          })}
        </ol>
      </CardContent>
    </Card>
  );
}
