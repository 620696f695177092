// The emailed invitation link: someone new sets their name and password; someone with an account gives
// its password. Either way they join the salon that sent the link and are signed in.
import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { findUsableInvitation } from "@/lib/team/invitations";
import { AcceptInvitationForm } from "./accept-invitation-form";

export const metadata: Metadata = { title: "Join your salon on Bolt", referrer: "no-referrer" };

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invitation = await findUsableInvitation(token);

  if (!invitation)
    return (
      <Card className="shadow-md">
        <CardHeader>
          <CardTitle className="text-xl">This invitation no longer works</CardTitle>
          <CardDescription>
            It has expired, was already used, or the salon sent a newer one. Ask the salon owner to invite you again.
          </CardDescription>
        </CardHeader>
        <CardFooter className="justify-center text-sm">
          <Link href="/login" className="font-medium text-primary underline-offset-4 hover:underline">
            Go to sign in
          </Link>
        </CardFooter>
      </Card>
    );

  return (
    <Card className="shadow-md">
      <CardHeader>
        <CardTitle className="text-xl">Join {invitation.salonName}</CardTitle>
        <CardDescription>
          {invitation.hasAccount
            ? `You already have a Bolt account as ${invitation.email}. Enter its password to join.`
            : `You're invited as ${invitation.role === "OWNER" ? "an owner" : "staff"}. Set up your login to get started.`}
        </CardDescription>
      </CardHeader>
      <CardContent>
        <AcceptInvitationForm token={token} email={invitation.email} hasAccount={invitation.hasAccount} />
      </CardContent>
    </Card>
  );
}
