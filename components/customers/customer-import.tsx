"use client";
// CSV import in two steps against POST /api/customers/import: upload → preview (each row's fate or its
// problem) → import everything at once. The file goes as the request body (up to 5 MB), so the server
// action size cap doesn't apply; the session cookie and our own Origin authorise it like any API call.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Loader2Icon } from "lucide-react";
import { toast } from "sonner";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { Notice } from "@/components/ui/notice";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { ImportPreview, ImportRowStatus } from "@/lib/customers/import-customers";

const MAX_BYTES = 5 * 1024 * 1024;
const SHOWN_ROWS = 200;
const STATUS: Record<ImportRowStatus, { label: string; variant: "success" | "secondary" | "warning" | "destructive" }> = {
  new: { label: "New", variant: "success" },
  update: { label: "Update", variant: "secondary" },
  skip: { label: "Skip: already a customer", variant: "secondary" },
  error: { label: "Can't import", variant: "destructive" },
};

async function send(file: File, step: "preview" | "import", existing: string) {
  const res = await fetch(`/api/customers/import?step=${step}&existing=${existing}`, { method: "POST", body: file, headers: { "content-type": "text/csv" } });
  const body = (await res.json()) as { data?: ImportPreview; message?: string };
  if (!res.ok || !body.data) throw new Error(body.message ?? "The import failed.");
  return body.data;
}

export function CustomerImport() {
  const router = useRouter();
  const [file, setFile] = useState<File | null>(null);
  const [existing, setExisting] = useState<"skip" | "update">("skip");
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function run(step: "preview" | "import", chosen = existing) {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      const result = await send(file, step, chosen);
      if (step === "preview") setPreview(result);
      else {
        toast.success(`Imported: ${result.counts.new} added, ${result.counts.update} updated, ${result.counts.skip} skipped.`);
        router.push("/customers");
      }
    } catch (err) {
      setError(err instanceof Error ? err.message : "The import failed.");
    } finally {
      setBusy(false);
    }
  }

  const errors = preview?.counts.error ?? 0;
  return (
    <div className="grid gap-6">
      <div className="grid max-w-xl gap-3">
        <Label htmlFor="csv-file">CSV file (up to 5 MB)</Label>
        <input
          id="csv-file"
          type="file"
          accept=".csv,text/csv"
          className="text-sm file:mr-3 file:rounded-md file:border file:bg-card file:px-3 file:py-1.5 file:text-sm"
          onChange={(e) => {
            const chosen = e.target.files?.[0] ?? null;
            setPreview(null);
            setError(chosen && chosen.size > MAX_BYTES ? "That file is over 5 MB. Split it and import the parts." : null);
            setFile(chosen && chosen.size <= MAX_BYTES ? chosen : null);
          }}
        />
        <p className="text-xs text-muted-foreground">A header row naming the columns: name (or first name and last name), phone, and optionally email.</p>
        <fieldset className="grid gap-1 text-sm">
          <legend className="mb-1 font-medium">Rows whose number is already a customer</legend>
          {(["skip", "update"] as const).map((value) => (
            <label key={value} className="flex items-center gap-2">
              <input
                type="radio"
                name="existing"
                value={value}
                checked={existing === value}
                onChange={() => {
                  setExisting(value);
                  if (preview) void run("preview", value);
                }}
              />
              {value === "skip" ? "Skip them (keep what Bolt has)" : "Update their name and email from the file"}
            </label>
          ))}
        </fieldset>
        <Button type="button" variant="outline" className="w-fit" disabled={!file || busy} onClick={() => run("preview")}>
          {busy && !preview && <Loader2Icon className="animate-spin" aria-hidden />}
          Check the file
        </Button>
      </div>
      {error && <Notice tone="warning" title="Nothing was imported">{error}</Notice>}
      {preview && (
        <div className="grid gap-3">
          <p className="text-sm" role="status">
            {preview.rows.length} rows: {preview.counts.new} new, {preview.counts.update} to update, {preview.counts.skip} to skip, {errors} with problems.
          </p>
          {errors > 0 && (
            <Notice tone="warning" title={`${errors} ${errors === 1 ? "row needs" : "rows need"} fixing`}>
              Nothing is imported while any row has a problem. Fix them in the file, then choose it again.
            </Notice>
          )}
          <div tabIndex={0} role="region" aria-label="Rows to import" className="overflow-x-auto rounded-xl border bg-card outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50">
            <Table>
              <TableHeader>
                <TableRow>
                  <TableHead className="hidden sm:table-cell">Line</TableHead>
                  <TableHead>Name</TableHead>
                  <TableHead>Phone</TableHead>
                  <TableHead className="hidden md:table-cell">Email</TableHead>
                  <TableHead>What happens</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {[...preview.rows].sort((a, b) => Number(b.status === "error") - Number(a.status === "error")).slice(0, SHOWN_ROWS).map((row) => (
                  <TableRow key={row.line}>
                    <TableCell className="hidden tabular-nums sm:table-cell">{row.line}</TableCell>
                    <TableCell className="whitespace-normal">{row.name}</TableCell>
                    <TableCell className="tabular-nums">{row.phone}</TableCell>
                    <TableCell className="hidden md:table-cell">{row.email}</TableCell>
                    <TableCell className="whitespace-normal">
                      <Badge variant={STATUS[row.status].variant}>{STATUS[row.status].label}</Badge>
                      {row.errors.map((e) => (
                        <p key={e} className="mt-1 text-xs text-destructive">{e}</p>
                      ))}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
          {preview.rows.length > SHOWN_ROWS && <p className="text-xs text-muted-foreground">Showing {SHOWN_ROWS} of {preview.rows.length} rows, problems first.</p>}
          <Button type="button" className="w-fit" disabled={busy || errors > 0 || preview.counts.new + preview.counts.update === 0} onClick={() => run("import")}>
            {busy && <Loader2Icon className="animate-spin" aria-hidden />}
            Import {preview.counts.new + preview.counts.update} {preview.counts.new + preview.counts.update === 1 ? "customer" : "customers"}
          </Button>
        </div>
      )}
    </div>
  );
}
