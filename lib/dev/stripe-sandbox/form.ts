// Stripe's request encoding: form fields with bracketed keys (`metadata[salonId]=…`,
// `line_items[0][price]=…`), as the SDK sends them, read back into nested objects and arrays.
import type { StripeJson } from "./objects";

type Node = StripeJson | unknown[];

function child(parent: Node, key: string, nextIsIndex: boolean): Node {
  const container = parent as Record<string, unknown>;
  const existing = container[key];
  if (existing && typeof existing === "object") return existing as Node;
  const created: Node = nextIsIndex ? [] : {};
  container[key] = created;
  return created;
}

export function parseStripeForm(params: URLSearchParams): StripeJson {
  const root: StripeJson = {};
  for (const [name, value] of params) {
    const [head = "", ...rest] = name.split("[");
    const keys = [head, ...rest.map((k) => k.replace(/]$/, ""))];
    let node: Node = root;
    keys.forEach((key, i) => {
      // `expand[]=a&expand[]=b` appends; other empty keys are ignored, as Stripe does.
      if (i === keys.length - 1) {
        if (key === "" && Array.isArray(node)) node.push(value);
        else (node as Record<string, unknown>)[key] = value;
        return;
      }
      node = child(node, key, /^\d*$/.test(keys[i + 1] ?? ""));
    });
  }
  return root;
}
