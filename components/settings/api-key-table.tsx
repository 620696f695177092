import { KeyRoundIcon } from "lucide-react";
import { RevokeApiKeyButton } from "@/components/settings/revoke-api-key-button";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { ApiKeySummary } from "@/lib/auth/api-keys";
import { formatDate, formatDateTime, formatRelative } from "@/lib/format";
import { cn } from "@/lib/utils";

type Props = { keys: ApiKeySummary[]; timeZone: string; now: Date };

/** The salon's API keys: which exist, what they can do, when they were last used. Never the secret. */
export function ApiKeyTable({ keys, timeZone, now }: Props) {
  if (keys.length === 0) {
    return (
      <EmptyState
        icon={KeyRoundIcon}
        title="No API keys yet"
        description="Create one with “Create key” when you connect a booking system or website to Bolt. You can revoke it any time."
      />
    );
  }

  return (
    <div className="rounded-xl border bg-card shadow-xs">
      <Table>
        <TableHeader>
          <TableRow className="hover:bg-transparent">
            <TableHead>Name</TableHead>
            <TableHead>Key</TableHead>
            <TableHead>Access</TableHead>
            <TableHead>Created</TableHead>
            <TableHead>Last used</TableHead>
            <TableHead>Status</TableHead>
            <TableHead>
              <span className="sr-only">Actions</span>
            </TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {keys.map((key) => {
            const revoked = key.revokedAt !== null;
            return (
              <TableRow key={key.id} className={cn(revoked && "text-muted-foreground")}>
                <TableCell className="font-medium">{key.name}</TableCell>
                <TableCell>
                  <code className="rounded bg-muted px-1.5 py-0.5 font-mono text-xs">{key.prefix}…</code>
                </TableCell>
                <TableCell>{key.role === "OWNER" ? "Full access" : "Staff"}</TableCell>
                <TableCell>
                  <time
                    dateTime={key.createdAt.toISOString()}
                    title={formatDateTime(key.createdAt, timeZone)}
                  >
                    {formatDate(key.createdAt, timeZone)}
                  </time>
                </TableCell>
                <TableCell>
                  {key.lastUsedAt ? (
                    <time
                      dateTime={key.lastUsedAt.toISOString()}
                      title={formatDateTime(key.lastUsedAt, timeZone)}
                    >
                      {formatRelative(key.lastUsedAt, now, timeZone)}
                    </time>
                  ) : (
                    "Never"
                  )}
                </TableCell>
                <TableCell>
                  {revoked ? (
                    <Badge variant="outline" title={`Revoked ${formatDateTime(key.revokedAt, timeZone)}`}>
                      Revoked
                    </Badge>
                  ) : (
                    <Badge variant="success">Active</Badge>
                  )}
                </TableCell>
                <TableCell className="text-right">
                  {!revoked && <RevokeApiKeyButton id={key.id} name={key.name} />}
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </div>
  );
}
