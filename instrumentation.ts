// Next.js calls register() once when a server process starts, before it serves requests.
export async function register(): Promise<void> {
  // Only the Node.js server answers calls and texts; the edge runtime (the proxy) has no use for the model.
  // NEXT_RUNTIME is Next's own marker, not configuration: lib/env doesn't (and shouldn't) parse it.
  // eslint-disable-next-line no-restricted-properties
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { warmUpClassifier } = await import("@/lib/receptionist/nlu/classifier");
  // Not awaited: the server starts serving at once, and a request that needs the model awaits the same load.
  const { logger } = await import("@/lib/logger");
  void warmUpClassifier().catch((err: unknown) => logger.error({ err }, "loading the receptionist's model failed"));
}
