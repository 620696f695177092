// The fuzz spec's raw HTTP client (node:http) for what Playwright's `request` won't send: TRACE, undecodable
// paths, a lying Content-Length, an endless chunked body. Each request comes from its own loopback
// address (127.x.y.z), so the per-IP API limit answers for no handler and the handlers are what is tested.
import http from "node:http";

export type Sent = {
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
  /** Claim this Content-Length, send 1 MB of it and wait for the answer. */
  declaredLength?: number;
  /** Send a chunked body of up to this many bytes, stopping as soon as the answer arrives. */
  chunkedBytes?: number;
};
export type Answer = { status: number; headers: http.IncomingHttpHeaders; body: Buffer } | { error: string };

let addressCounter = 0x010000;
function freshLoopbackAddress(): string {
  addressCounter++;
  if ((addressCounter & 0xff) === 0 || (addressCounter & 0xff) === 0xff) addressCounter += 2;
  return `127.${(addressCounter >> 16) & 0xff}.${(addressCounter >> 8) & 0xff}.${addressCounter & 0xff}`;
}

const CHUNK = Buffer.alloc(64 * 1024, 0x61);

export function send(base: URL, req: Sent, timeoutMs = 20_000): Promise<Answer> {
  return new Promise((resolve) => {
    const headers: Record<string, string> = { host: base.host, connection: "close", ...req.headers };
    if (req.body !== undefined) headers["content-length"] = String(Buffer.byteLength(req.body));
    if (req.declaredLength !== undefined) headers["content-length"] = String(req.declaredLength);
    if (req.chunkedBytes !== undefined) headers["transfer-encoding"] = "chunked";
    const chunks: Buffer[] = [];
    let answer: { status: number; headers: http.IncomingHttpHeaders } | null = null;
    let settled = false;
    const settle = (result: Answer) => {
      if (!settled) resolve(result);
      settled = true;
    };
    const outgoing = http.request(
      { host: "127.0.0.1", port: base.port, localAddress: freshLoopbackAddress(), method: req.method, path: req.path, headers, agent: false, timeout: timeoutMs },
      (res) => {
        answer = { status: res.statusCode ?? 0, headers: res.headers };
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          settle({ ...answer!, body: Buffer.concat(chunks) });
          outgoing.destroy();
        });
        res.on("error", () => settle({ ...answer!, body: Buffer.concat(chunks) }));
      },
    );
    // The server may close the socket once it has answered a body it refused: the answer counts.
    outgoing.on("error", (err) => settle(answer ? { ...answer, body: Buffer.concat(chunks) } : { error: err.message }));
    outgoing.on("timeout", () => outgoing.destroy(new Error(`no answer in ${timeoutMs} ms`)));
    const streamed = req.chunkedBytes ?? (req.declaredLength !== undefined ? 1024 * 1024 : undefined);
    if (streamed === undefined) return outgoing.end(req.body);
    let written = 0;
    // One chunk per turn of the event loop, so an early answer (a 413) is read before the next write
    // meets the socket the server closed after answering.
    const pump = () => {
      if (answer || outgoing.destroyed) return;
      if (written >= streamed) {
        // A declared length is left unfinished: a server that waits for the rest shows up as no answer.
        if (req.chunkedBytes !== undefined) outgoing.end();
        return;
      }
      written += CHUNK.length;
      if (outgoing.write(CHUNK)) setImmediate(pump);
      else outgoing.once("drain", pump);
    };
    pump();
  });
}
