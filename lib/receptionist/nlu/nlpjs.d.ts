// NLP.js ships no type declarations; these cover the few calls the receptionist's classifier makes.
declare module "@nlpjs/core" {
  export type Container = { use(plugin: unknown): void; get<T = unknown>(name: string): T };
  export function containerBootstrap(): Container;
}

declare module "@nlpjs/nlp" {
  export const Nlp: unknown;
}

declare module "@nlpjs/lang-en-min" {
  export const LangEn: unknown;
}

declare module "@nlpjs/lang-es" {
  export const LangEs: unknown;
}
