"use client";
// One button that sends an appointment's confirmation or reminder now, with a toast naming the customer.
import { useEffect } from "react";
import { useRouter } from "next/navigation";
import { BellRingIcon, CalendarCheckIcon, Loader2Icon } from "lucide-react";
import { toast } from "sonner";
import { sendConfirmationAction, sendReminderAction } from "@/lib/appointments/actions";
import { Button } from "@/components/ui/button";
import { useActionForm } from "@/components/ui/use-action-form";

type Props = { appointmentId: string; kind: "confirmation" | "reminder"; customerName: string };

export function SendAppointmentTextButton({ appointmentId, kind, customerName }: Props) {
  const router = useRouter();
  const action = kind === "confirmation" ? sendConfirmationAction : sendReminderAction;
  const { state, formAction, pending, onSubmit } = useActionForm(action, { toast: false });

  useEffect(() => {
    if (!state) return;
    if (!state.ok) {
      toast.error(state.error);
      return;
    }
    const id = state.data?.notificationId;
    toast.success(`${state.message ?? "Text queued"} to ${customerName}`, {
      action: id ? { label: "View", onClick: () => router.push(`/notifications/${id}`) } : undefined,
    });
  }, [state, router, customerName]);

  const Icon = kind === "confirmation" ? CalendarCheckIcon : BellRingIcon;
  const label = kind === "confirmation" ? "Send confirmation" : "Send reminder";
  return (
    <form action={formAction} onSubmit={onSubmit}>
      <input type="hidden" name="appointmentId" value={appointmentId} />
      <Button type="submit" variant="outline" size="sm" disabled={pending}>
        {pending ? <Loader2Icon className="animate-spin" aria-hidden /> : <Icon aria-hidden />}
        {pending ? "Sending…" : label}
        <span className="sr-only"> to {customerName}</span>
      </Button>
    </form>
  );
}
