// Implemented on the provision branch.
export async function syncNumberWithSubscription(salonId: string, now: Date): Promise<void> {
  void salonId;
  void now;
}
