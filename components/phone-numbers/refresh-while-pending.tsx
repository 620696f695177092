"use client";
// While a number is being bought, the page asks the server again every few seconds, so the number
// appears without a reload.
import { useRouter } from "next/navigation";
import { useEffect } from "react";

const EVERY_MS = 3000;

export function RefreshWhilePending() {
  const router = useRouter();
  useEffect(() => {
    const timer = setInterval(() => router.refresh(), EVERY_MS);
    return () => clearInterval(timer);
  }, [router]);
  return null;
}
