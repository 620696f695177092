"use client";
// Settings → Phone & hours. Owners edit; staff get the same fields read-only (`readOnly`), without Save.
import { updatePhoneSettingsAction } from "@/lib/salons/actions";
import { PhoneHoursEditor } from "@/components/settings/phone-hours-editor";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { FormField, FormMessage } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { SaveBar } from "@/components/ui/save-bar";
import { Textarea } from "@/components/ui/textarea";
import { useActionForm } from "@/components/ui/use-action-form";
import type { BusinessHours } from "@/lib/salons/business-hours";
import { cn } from "@/lib/utils";
import {
  MAX_AUTO_REPLY_CHARS,
  MAX_BOOKING_INSTRUCTIONS_CHARS,
  MAX_GREETING_CHARS,
} from "@/lib/validations/phone-settings";

export type PhoneSettingsValues = {
  greeting: string;
  autoReply: string;
  greetingEs: string;
  autoReplyEs: string;
  bookingInstructions: string;
  /** As people write it ("(415) 555-0199"); the action stores E.164. */
  forwardingPhone: string;
  businessHours: BusinessHours;
  /** What Bolt says or texts when a field is blank. */
  defaults: { greeting: string; autoReply: string; greetingEs: string; autoReplyEs: string };
  timeZoneLabel: string;
};

export function PhoneSettingsForm({
  values,
  version,
  readOnly = false,
}: {
  values: PhoneSettingsValues;
  /** Changes when the saved settings change; the fields remount to show the saved values. */
  version: string;
  readOnly?: boolean;
}) {
  const {
    state,
    formAction,
    pending,
    onSubmit,
    fieldErrors: errors,
  } = useActionForm(updatePhoneSettingsAction);
  const formError = state && !state.ok && !errors ? state.error : null;

  return (
    <form action={formAction} onSubmit={onSubmit} noValidate>
      <fieldset
        key={version}
        disabled={readOnly || pending}
        // Read-only fields stay legible for staff instead of greyed out like a busy form.
        className={cn(
          "grid gap-6",
          readOnly &&
            "[&_:is(input,textarea):disabled]:cursor-default [&_:is(input,textarea):disabled]:bg-muted [&_:is(input,textarea):disabled]:opacity-100",
        )}
      >
        <legend className="sr-only">Phone and hours</legend>
        <FormMessage message={formError} />
        <Card>
          <CardHeader>
            <CardTitle>Greeting</CardTitle>
            <CardDescription>
              The first thing callers hear when Bolt answers your number. Callers can press 9 for Spanish, and
              customers who speak Spanish hear the Spanish greeting straight away.
            </CardDescription>
          </CardHeader>
          <CardContent className="grid gap-5">
            <FormField
              label="Greeting"
              name="greeting"
              hint={`Leave blank for “${values.defaults.greeting}”.`}
              errors={errors?.greeting}
            >
              {(f) => (
                <Textarea
                  {...f}
                  defaultValue={values.greeting}
                  maxLength={MAX_GREETING_CHARS}
                  rows={2}
                  placeholder={values.defaults.greeting}
                  className="min-h-20"
                />
              )}
            </FormField>
            <FormField
              label="Spanish greeting"
              name="greetingEs"
              hint={`Leave blank for “${values.defaults.greetingEs}”.`}
              errors={errors?.greetingEs}
            >
              {(f) => (
                <Textarea
                  {...f}
                  lang="es"
                  defaultValue={values.greetingEs}
                  maxLength={MAX_GREETING_CHARS}
                  rows={2}
                  placeholder={values.defaults.greetingEs}
                  className="min-h-20"
                />
              )}
            </FormField>
          </CardContent>
        </Card>

        <Card>
          <CardHeader>
            <CardTitle>Business hours</CardTitle>
            <CardDescription>
              Bolt tells callers and texters whether you&apos;re open, and only rings your phone during these
              hours.
            </CardDescription>
          </CardHeader>
          <CardContent>
            <PhoneHoursEditor
              defaultHours={values.businessHours}
              errors={errors}
              disabled={readOnly || pending}
              timeZoneLabel={values.timeZoneLabel}
            />
          </CardContent>
        </Card>

        <Card>
          <CardHeader>
            <CardTitle>Talking to a person</CardTitle>
            <CardDescription>
              When a caller asks for someone during business hours, Bolt rings this phone. If nobody picks up,
              they can leave a voicemail.
            </CardDescription>
          </CardHeader>
          <CardContent className="grid gap-5 sm:grid-cols-2">
            <FormField
              label="Forward calls to"
              name="forwardingPhone"
              hint="Leave blank to send callers who ask for a person to voicemail."
              errors={errors?.forwardingPhone}
            >
              {(f) => (
                <Input
                  {...f}
                  type="tel"
                  defaultValue={values.forwardingPhone}
                  autoComplete="tel"
                  placeholder="(415) 555-0123"
                />
              )}
            </FormField>
          </CardContent>
        </Card>

        <Card>
          <CardHeader>
            <CardTitle>Texts Bolt sends for you</CardTitle>
            <CardDescription>Each text starts with your salon&apos;s name.</CardDescription>
          </CardHeader>
          <CardContent className="grid gap-5">
            <FormField
              label="Auto-reply"
              name="autoReply"
              hint={`Answers a customer's text at most once every 12 hours, with today's hours added. Leave blank for “${values.defaults.autoReply}”.`}
              errors={errors?.autoReply}
            >
              {(f) => (
                <Textarea
                  {...f}
                  defaultValue={values.autoReply}
                  maxLength={MAX_AUTO_REPLY_CHARS}
                  rows={2}
                  placeholder={values.defaults.autoReply}
                  className="min-h-20"
                />
              )}
            </FormField>
            <FormField
              label="Spanish auto-reply"
              name="autoReplyEs"
              hint={`For customers who speak Spanish. Leave blank for “${values.defaults.autoReplyEs}”.`}
              errors={errors?.autoReplyEs}
            >
              {(f) => (
                <Textarea
                  {...f}
                  lang="es"
                  defaultValue={values.autoReplyEs}
                  maxLength={MAX_AUTO_REPLY_CHARS}
                  rows={2}
                  placeholder={values.defaults.autoReplyEs}
                  className="min-h-20"
                />
              )}
            </FormField>
            <FormField
              label="Booking instructions"
              name="bookingInstructions"
              hint="Texted to callers who want to book: a link to your booking page, or how to ask for a time."
              errors={errors?.bookingInstructions}
            >
              {(f) => (
                <Textarea
                  {...f}
                  defaultValue={values.bookingInstructions}
                  maxLength={MAX_BOOKING_INSTRUCTIONS_CHARS}
                  rows={3}
                  placeholder="Book online at yoursalon.example/book, or reply with a day and time that suits you."
                  className="min-h-20"
                />
              )}
            </FormField>
          </CardContent>
        </Card>

        {!readOnly && <SaveBar pending={pending} note="The next call or text uses the new settings." />}
      </fieldset>
    </form>
  );
}
