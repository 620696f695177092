// The emailed reset link: a new password (the link works once, for PASSWORD_RESET_TTL_MINUTES), then sign in.
import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { isPasswordResetTokenUsable, RESET_LINK_INVALID_MESSAGE } from "@/lib/auth/password-reset";
import { ResetPasswordForm } from "./reset-password-form";

export const metadata: Metadata = { title: "Choose a new password", referrer: "no-referrer" };

export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const usable = await isPasswordResetTokenUsable(token);

  return (
    <Card className="shadow-md">
      <CardHeader>
        <CardTitle className="text-xl">{usable ? "Choose a new password" : "This link no longer works"}</CardTitle>
        <CardDescription>
          {usable ? "You'll be signed out everywhere, then you can sign in with the new one." : RESET_LINK_INVALID_MESSAGE}
        </CardDescription>
      </CardHeader>
      {usable && (
        <CardContent>
          <ResetPasswordForm token={token} />
        </CardContent>
      )}
      <CardFooter className="justify-center text-sm text-muted-foreground">
        <Link
          href={usable ? "/login" : "/forgot-password"}
          className="font-medium text-primary underline-offset-4 hover:underline"
        >
          {usable ? "Back to sign in" : "Send me a new link"}
        </Link>
      </CardFooter>
    </Card>
  );
}
