// The public pages (sign in, sign up): a calm centered card on the warm background.
import { Brand } from "@/components/layout/brand";

export default function AuthLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className="flex min-h-dvh flex-col bg-[radial-gradient(ellipse_at_top,var(--color-accent),transparent_60%)]">
      <main className="flex flex-1 flex-col items-center justify-center gap-8 px-4 py-12">
        <Brand />
        <div className="w-full max-w-md">{children}</div>
      </main>
      <footer className="pb-6 text-center text-xs text-muted-foreground">
        Bolt answers your salon&apos;s phone and texts, so you can stay with your client.
      </footer>
    </div>
  );
}
