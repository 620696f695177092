"use client";
// Keeps the setup checklist on the dashboard once it was open, until the owner presses "Finish setup":
// the test call completes the checklist, and the live refresh that follows would otherwise take the card
// (with what the caller heard) away before it was read. An unfinished checklist always shows.
import { createContext, useContext, useState, type ReactNode } from "react";

const FinishSetup = createContext<(() => void) | null>(null);

export function ChecklistHold({ complete, children }: { complete: boolean; children: ReactNode }) {
  const [openedIncomplete] = useState(!complete);
  const [finished, setFinished] = useState(false);
  if (complete && (!openedIncomplete || finished)) return null;
  return <FinishSetup.Provider value={() => setFinished(true)}>{children}</FinishSetup.Provider>;
}

/** Closes the held checklist once it is complete; null outside one. */
export function useFinishSetup(): (() => void) | null {
  return useContext(FinishSetup);
}
