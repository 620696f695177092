"use client";

import { startTransition, useActionState, useEffect, type FormEvent } from "react";
import { toast } from "sonner";
import type { ActionResult } from "@/lib/api/salon-action";

type ServerAction<T> = (prev: ActionResult<T>, formData: FormData) => Promise<ActionResult<T>>;

/**
 * useActionState plus two things every Bolt form wants: typed values survive a failed submit (React
 * resets a form after a plain `action` submit; submitting via onSubmit doesn't), and a toast per result.
 * `action` stays on the <form> too, so it still posts without JavaScript.
 */
export function useActionForm<T = unknown>(action: ServerAction<T>, opts: { toast?: boolean } = {}) {
  const [state, formAction, pending] = useActionState<ActionResult<T>, FormData>(action, null);
  const showToast = opts.toast ?? true;

  useEffect(() => {
    if (!state || !showToast) return;
    if (state.ok) {
      if (state.message) toast.success(state.message);
    } else {
      toast.error(state.error);
    }
  }, [state, showToast]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const formData = new FormData(event.currentTarget, submitter);
    startTransition(() => formAction(formData));
  }

  const fieldErrors = state && !state.ok ? state.fieldErrors : undefined;
  return { state, formAction, pending, onSubmit, fieldErrors };
}
