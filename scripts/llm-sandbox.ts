// The language-model stand-in as its own process, to try RECEPTIONIST_ENGINE=llm on this machine:
//   npx tsx scripts/llm-sandbox.ts [--port 3010] [--key sandbox-key]
// then start Bolt with the variables it prints. Scripted replies (a 500, a hang) go to its control
// endpoint: POST /_sandbox/replies with the same Bearer key (README, "Language-model engine").
import { parseArgs } from "node:util";
import { createLlmStandIn } from "@/lib/dev/llm-sandbox";

async function main() {
  const { values } = parseArgs({ options: { port: { type: "string", default: "3010" }, key: { type: "string", default: "sandbox-key" } } });
  const standIn = createLlmStandIn({ apiKey: values.key });
  await standIn.listen(Number(values.port));
  console.log(`[llm-sandbox] listening; start Bolt with:\n  RECEPTIONIST_ENGINE=llm LLM_BASE_URL=${standIn.baseUrl} LLM_API_KEY=${values.key} LLM_MODEL=sandbox`);
  const stop = () => void standIn.close().then(() => process.exit(0));
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
