"use client";

import { useState } from "react";
import { CheckIcon, CopyIcon } from "lucide-react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";

type CopyButtonProps = {
  value: string;
  /** What is being copied, for the button's accessible name and the toast ("Copy API key"). */
  label: string;
  variant?: "outline" | "secondary" | "ghost" | "default";
  showText?: boolean;
};

export function CopyButton({ value, label, variant = "outline", showText = true }: CopyButtonProps) {
  const [copied, setCopied] = useState(false);

  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
      toast.success("Copied to clipboard");
      setTimeout(() => setCopied(false), 2000);
    } catch {
      // Clipboard access needs a secure context or permission; the value is still on screen to select.
      toast.error("Couldn't copy — select the text and copy it instead.");
    }
  }

  const Icon = copied ? CheckIcon : CopyIcon;
  return (
    <Button
      type="button"
      variant={variant}
      size={showText ? "default" : "icon"}
      onClick={copy}
      aria-label={showText ? undefined : label}
    >
      <Icon aria-hidden />
      {showText && (copied ? "Copied" : label)}
    </Button>
  );
}
