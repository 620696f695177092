// Sign in. Already signed-in users go straight to the dashboard.
import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { redirect } from "next/navigation";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { getSessionContext } from "@/lib/auth/session";
import { LoginForm } from "./login-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string | string[]; reset?: string | string[] }>;
}) {
  if (await getSessionContext()) redirect("/");
  const { callbackUrl, reset } = await searchParams;

  return (
    <Card className="shadow-md">
      <CardHeader>
        <CardTitle className="text-xl">Welcome back</CardTitle>
        <CardDescription>Sign in to see your salon&apos;s calls, texts and appointments.</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        {reset === "1" && <Notice>Password changed, and every device signed out. Sign in with your new password.</Notice>}
        <LoginForm callbackUrl={typeof callbackUrl === "string" ? callbackUrl : undefined} />
        <Link
          href="/forgot-password"
          className="justify-self-center text-sm text-primary underline-offset-4 hover:underline"
        >
          Forgot password?
        </Link>
      </CardContent>
      <CardFooter className="justify-center text-sm text-muted-foreground">
        New to Bolt?&nbsp;
        <Link href="/signup" className="font-medium text-primary underline-offset-4 hover:underline">
          Create your salon&apos;s account
        </Link>
      </CardFooter>
    </Card>
  );
}
