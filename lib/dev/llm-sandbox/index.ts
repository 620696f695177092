// A local stand-in for an OpenAI-compatible chat API, for the language-model engine's tests and for
// trying RECEPTIONIST_ENGINE=llm on this machine (README, "Language-model engine").
export { createLlmStandIn, type ScriptedReply } from "./server";
