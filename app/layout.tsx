// Root layout: system font stack (no web-font download), the app's one toaster and tooltip provider.
import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import { Toaster } from "@/components/ui/sonner";
import { TooltipProvider } from "@/components/ui/tooltip";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Bolt", template: "%s · Bolt" },
  description: "The phone and text front desk for hair salons.",
  // The files live in public/ (app/layout.test.ts checks each exists).
  manifest: "/manifest.webmanifest",
  icons: {
    icon: [
      { url: "/icon.svg", type: "image/svg+xml" },
      { url: "/icon-192.png", sizes: "192x192", type: "image/png" },
    ],
    apple: { url: "/apple-touch-icon.png", sizes: "180x180" },
  },
};

export const viewport: Viewport = { themeColor: "#faf8f5" };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Rendered per request, never prerendered: Next puts the request's CSP nonce (proxy.ts) on its
  // scripts only while rendering, and a build-time page's scripts would carry none and be blocked.
  await connection();
  return (
    <html lang="en">
      <body>
        <TooltipProvider>{children}</TooltipProvider>
        <Toaster />
      </body>
    </html>
  );
}
