// The HTTP side of bench/security-probe.ts: a cookie jar, Auth.js sign-in and sign-up as a browser
// would do them, a status-and-code summary of an answer, TRACE (which fetch refuses), and the server's
// memory as /proc shows it.
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import http from "node:http";

export type Jar = Map<string, string>;

export function probeClient(base: string) {
  const cookieHeader = (jar: Jar) => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  function keepCookies(jar: Jar, res: Response) {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const eq = pair!.indexOf("=");
      jar.set(pair!.slice(0, eq).trim(), pair!.slice(eq + 1));
    }
  }

  async function csrf(jar: Jar): Promise<string> {
    const res = await fetch(`${base}/api/auth/csrf`, { headers: { cookie: cookieHeader(jar) } });
    keepCookies(jar, res);
    return ((await res.json()) as { csrfToken: string }).csrfToken;
  }

  /** One Auth.js credentials sign-in: "ok", or the error code Auth.js put in the redirect (invalid | throttled). */
  async function signIn(jar: Jar, email: string, password: string, token: string, headers: Record<string, string> = {}) {
    const res = await fetch(`${base}/api/auth/callback/credentials`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookieHeader(jar), ...headers },
      body: new URLSearchParams({ email, password, csrfToken: token, callbackUrl: `${base}/` }),
    });
    const location = res.headers.get("location") ?? "";
    if (location.includes("error=")) return new URL(location, base).searchParams.get("code") ?? "error";
    keepCookies(jar, res);
    return res.status < 400 ? "ok" : `http ${res.status}`;
  }

  async function signUpThrowaway(): Promise<{ email: string; password: string }> {
    const email = `probe-${randomBytes(4).toString("hex")}@example.com`;
    const password = "probe-right-password";
    const res = await fetch(`${base}/api/auth/signup`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ salonName: "Probe Salon", ownerName: "Probe", email, password, timeZone: "America/New_York" }),
    });
    if (res.status !== 201) throw new Error(`sign-up failed: ${res.status} ${await res.text()}`);
    return { email, password };
  }

  function serverPid(): number | undefined {
    const port = new URL(base).port;
    try {
      const out = execFileSync("ss", ["-ltnpH", `sport = :${port}`], { encoding: "utf8" });
      return Number(/pid=(\d+)/.exec(out)?.[1]) || undefined;
    } catch {
      return undefined;
    }
  }
  const rssMb = (pid: number | undefined) => {
    if (!pid) return NaN;
    const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
    return Math.round(Number(kb) / 1024);
  };

  async function statusOf(url: string, init: RequestInit = {}): Promise<string> {
    try {
      const res = await fetch(url, init);
      const text = await res.text();
      const json = /^\s*\{/.test(text) ? (JSON.parse(text) as { code?: string }).code : undefined;
      return `${res.status}${json ? ` ${json}` : text ? "" : " (empty body)"}`;
    } catch (err) {
      return `error ${(err as Error).message}`;
    }
  }

  /** fetch refuses TRACE itself, so this one goes through node:http. */
  function traceStatus(): Promise<string> {
    return new Promise((resolve) => {
      const req = http.request(`${base}/api/salon`, { method: "TRACE" }, (res) => {
        let text = "";
        res.on("data", (c: Buffer) => (text += c.toString()));
        res.on("end", () => resolve(`${res.statusCode}${/^\s*\{/.test(text) ? ` ${(JSON.parse(text) as { code?: string }).code}` : ""}`));
      });
      req.on("error", (err) => resolve(`error ${err.message}`));
      req.end();
    });
  }

  return { cookieHeader, csrf, signIn, signUpThrowaway, serverPid, rssMb, statusOf, traceStatus };
}
