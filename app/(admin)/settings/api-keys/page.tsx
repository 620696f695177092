// Settings → API keys (owners only; others are sent to the dashboard with "Only owners can change settings.").
import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { ApiKeyTable } from "@/components/settings/api-key-table";
import { CreateApiKeyDialog } from "@/components/settings/create-api-key-dialog";
import { SettingsNav } from "@/components/settings/settings-nav";
import { settingsSectionsFor } from "@/components/settings/settings-sections";
import { PageHeader } from "@/components/ui/page-header";
import { listApiKeys } from "@/lib/auth/api-keys";
import { requireSessionContext } from "@/lib/auth/session";
import { getSalonById } from "@/lib/salons/queries";

export const metadata: Metadata = { title: "API keys" };

export default async function ApiKeysPage() {
  const session = await requireSessionContext({ roles: ["OWNER"] });
  const [salon, keys] = await Promise.all([getSalonById(session.salonId), listApiKeys(session.salonId)]);

  return (
    <>
      <PageHeader
        title="API keys"
        description="Keys let other software use Bolt's API on your salon's behalf. Keep them secret, like a password."
        actions={<CreateApiKeyDialog />}
      />
      <SettingsNav sections={settingsSectionsFor(session.role)} />
      <ApiKeyTable keys={keys} timeZone={salon.timeZone} now={new Date()} />
      <p className="text-sm text-muted-foreground">
        Send a key as{" "}
        <code className="rounded bg-muted px-1 py-0.5 font-mono text-xs">
          Authorization: Bearer &lt;key&gt;
        </code>
        . Revoked keys stop working immediately. What a key can do is in the{" "}
        <Link href="/docs/api" className="text-primary underline underline-offset-2">
          API reference
        </Link>
        .
      </p>
    </>
  );
}
