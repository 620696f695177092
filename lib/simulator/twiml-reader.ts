// Reads TwiML the way Twilio does before acting on it: the <Response>'s verbs in order, each with its
// attributes, nested nouns (<Gather><Say>, <Dial><Number>) and text. Bolt's TwiML is small and built by
// the SDK, so a tokenizer is enough (no XML package: the simulator must not depend on one for this).

export type TwimlNode = { name: string; attrs: Record<string, string>; children: TwimlNode[]; text: string };

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
const decode = (xml: string) =>
  xml.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);/gi, (_m, name: string) => {
    if (name[0] !== "#") return ENTITIES[name.toLowerCase()] ?? "";
    const code = name[1] === "x" || name[1] === "X" ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
    return String.fromCodePoint(code);
  });

const TOKEN = /<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<(\/)?([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/)?>/g;
const ATTR = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** The verbs of a TwiML document, top level first (the children of <Response>). */
export function parseTwiml(xml: string): TwimlNode[] {
  const root: TwimlNode = { name: "#root", attrs: {}, children: [], text: "" };
  const stack = [root];
  let last = 0;
  for (const match of xml.matchAll(TOKEN)) {
    const top = stack.at(-1)!;
    top.text += decode(xml.slice(last, match.index));
    last = match.index + match[0].length;
    const [, closing, name, rawAttrs = "", selfClosing] = match;
    if (!name) continue; // declaration or comment
    if (closing) {
      if (stack.length > 1 && top.name === name) stack.pop();
      continue;
    }
    const attrs: Record<string, string> = {};
    for (const a of rawAttrs.matchAll(ATTR)) attrs[a[1]!] = decode(a[2] ?? a[3] ?? "");
    const node: TwimlNode = { name, attrs, children: [], text: "" };
    top.children.push(node);
    if (!selfClosing) stack.push(node);
  }
  const response = root.children.find((n) => n.name === "Response");
  return response?.children ?? [];
}

/** What a <Say> speaks (trimmed), or "" for any other node. */
export const sayText = (node: TwimlNode) => (node.name === "Say" ? node.text.trim() : "");

/** The <Say> texts of a TwiML answer, in order, nested ones included: what the caller hears. */
export function spokenLines(twiml: string): string[] {
  const lines: string[] = [];
  const walk = (nodes: TwimlNode[]) => {
    for (const node of nodes) {
      const text = sayText(node);
      if (text) lines.push(text);
      walk(node.children);
    }
  };
  walk(parseTwiml(twiml));
  return lines;
}

/** Where the answer's first <Gather> posts next (path and query), or null when there is none. */
export function gatherAction(twiml: string): string | null {
  const action = parseTwiml(twiml).find((n) => n.name === "Gather")?.attrs.action;
  if (!action) return null;
  const url = new URL(action);
  return `${url.pathname}${url.search}`;
}

/** A TwiML number attribute (timeout, length…), or its default when absent or not a number. */
export const numAttr = (verb: TwimlNode, name: string, fallback: number) => Number(verb.attrs[name] ?? fallback) || fallback;
/** What a <Gather> listens for. */
export const gatherInput = (verb: TwimlNode) => (verb.attrs.input ?? "dtmf").split(/\s+/);
/** The number a <Dial> rings, and its <Number> (whose url is the screening). */
export const dialled = (verb: TwimlNode) => {
  const node = verb.children.find((c) => c.name === "Number");
  return { node, number: (node?.text ?? verb.text).trim() };
};
