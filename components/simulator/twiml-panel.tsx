// For integrators: each webhook the simulated call sent (signed, as Twilio sends it) and Bolt's answer.
import type { Exchange } from "@/lib/simulator/call-types";

export function TwimlPanel({ exchanges }: { exchanges: Exchange[] }) {
  return (
    <details className="rounded-lg border p-3 text-sm">
      <summary className="cursor-pointer font-medium">For developers: TwiML ({exchanges.length} requests)</summary>
      <ol className="mt-3 grid gap-3">
        {exchanges.map((x, i) => (
          <li key={i} className="grid gap-1">
            <p className="font-mono text-xs">
              POST {x.path} → {x.status}
            </p>
            <details>
              <summary className="cursor-pointer text-xs text-muted-foreground">Parameters</summary>
              <pre className="overflow-x-auto rounded bg-muted p-2 text-xs" tabIndex={0}>{Object.entries(x.params).map(([k, v]) => `${k}=${v}`).join("\n")}</pre>
            </details>
            {x.body && (
              <pre className="overflow-x-auto rounded bg-muted p-2 text-xs whitespace-pre-wrap break-all" tabIndex={0}>
                {x.body}
              </pre>
            )}
          </li>
        ))}
      </ol>
    </details>
  );
}
