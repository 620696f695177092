"use client";
// One button that sends an appointment's confirmation or reminder now, with a toast naming the customer.
// A reminder is never sent twice by accident: the button is disabled while sending, the server sends
// one text for clicks that race (lib/appointments/send-reminder-once.ts), and after a recent reminder
// it asks first ("A reminder was sent at 2:14 PM — send another?"); confirming sends again naming that
// reminder (repeatAfter), so a confirm racing another still sends one.
import { useEffect, useState } from "react";
import { useRouter } from "next/navigation";
import { BellRingIcon, CalendarCheckIcon, Loader2Icon } from "lucide-react";
import { toast } from "sonner";
import { sendConfirmationAction, sendReminderAction } from "@/lib/appointments/actions";
import {
  AlertDialog,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
} from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";
import { useActionForm } from "@/components/ui/use-action-form";

type Props = { appointmentId: string; kind: "confirmation" | "reminder"; customerName: string };

export function SendAppointmentTextButton({ appointmentId, kind, customerName }: Props) {
  const router = useRouter();
  const action = kind === "confirmation" ? sendConfirmationAction : sendReminderAction;
  const { state, formAction, pending, onSubmit } = useActionForm(action, { toast: false });
  // The question asked for the result that raised it; answering (either way) closes it.
  const [answered, setAnswered] = useState<typeof state>(null);
  const confirmRepeat = state?.ok && state !== answered ? state.data?.confirmRepeat : undefined;

  useEffect(() => {
    if (!state) return;
    if (!state.ok) {
      toast.error(state.error);
      return;
    }
    const id = state.data?.notificationId;
    if (!id) return;
    toast.success(`${state.message ?? "Text queued"} to ${customerName}`, {
      action: { label: "View", onClick: () => router.push(`/notifications/${id}`) },
    });
  }, [state, router, customerName]);

  const Icon = kind === "confirmation" ? CalendarCheckIcon : BellRingIcon;
  const label = kind === "confirmation" ? "Send confirmation" : "Send reminder";
  return (
    <>
      <form action={formAction} onSubmit={onSubmit}>
        <input type="hidden" name="appointmentId" value={appointmentId} />
        <Button type="submit" variant="outline" size="sm" disabled={pending}>
          {pending ? <Loader2Icon className="animate-spin" aria-hidden /> : <Icon aria-hidden />}
          {pending ? "Sending…" : label}
          <span className="sr-only"> to {customerName}</span>
        </Button>
      </form>
      <AlertDialog open={Boolean(confirmRepeat)} onOpenChange={(open) => !open && setAnswered(state)}>
        <AlertDialogContent>
          <form action={formAction} onSubmit={(e) => {
              setAnswered(state);
              onSubmit(e);
            }} className="grid gap-4">
            <input type="hidden" name="appointmentId" value={appointmentId} />
            <input type="hidden" name="repeatAfter" value={confirmRepeat?.after ?? ""} />
            <AlertDialogHeader>
              <AlertDialogTitle>Send another reminder?</AlertDialogTitle>
              <AlertDialogDescription>{confirmRepeat?.question} {customerName} would get another text.</AlertDialogDescription>
            </AlertDialogHeader>
            <AlertDialogFooter>
              <AlertDialogCancel type="button">Don&apos;t send</AlertDialogCancel>
              <Button type="submit" disabled={pending}>
                Send another
              </Button>
            </AlertDialogFooter>
          </form>
        </AlertDialogContent>
      </AlertDialog>
    </>
  );
}
