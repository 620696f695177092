"use client";
// "Send me a test alert": one alert on every channel the member can get one on now (see sendTestAlert).
import { Loader2Icon } from "lucide-react";
import { sendTestAlertAction } from "@/lib/alerts/actions";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { useActionForm } from "@/components/ui/use-action-form";

export function AlertsTestButton() {
  const { formAction, pending, onSubmit } = useActionForm(sendTestAlertAction);
  return (
    <Card>
      <CardHeader>
        <CardTitle>Try it</CardTitle>
        <CardDescription>
          Sends one alert now by email, by text if you saved a number, and to every browser with alerts on — quiet
          hours aside. Save your changes first.
        </CardDescription>
      </CardHeader>
      <CardContent>
        <form action={formAction} onSubmit={onSubmit}>
          <Button type="submit" variant="outline" disabled={pending}>
            {pending && <Loader2Icon className="animate-spin" aria-hidden />}
            Send me a test alert
          </Button>
        </form>
      </CardContent>
    </Card>
  );
}
