// The Auth.js handlers end to end: CSRF, credentials sign-in, and the cookie it sets working with withSalon.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as authRoutePost } from "@/app/api/auth/[...nextauth]/route";
import { GET as getSalon } from "@/app/api/salon/route";
import { CLIENT_IP_HEADER } from "@/lib/api/client-ip";
import { closeRateLimitStore } from "@/lib/api/rate-limit-store";
import { handlers } from "@/lib/auth/config";
import { readSessionToken } from "@/lib/auth/session-token";
import { apiRequest, createSalonWithOwner, noParams, randomIp } from "@/lib/testing/auth-fixtures";

const BASE = "http://localhost:3000/api/auth";
let owner: Awaited<ReturnType<typeof createSalonWithOwner>>;

beforeAll(async () => {
  owner = await createSalonWithOwner();
});

afterAll(closeRateLimitStore);

const cookiePairs = (res: Response) => res.headers.getSetCookie().map((c) => c.split(";")[0]!);

/** Posts the credentials form the way the browser would, after fetching a CSRF token. */
async function postCredentials(
  email: string,
  password: string,
  ip = randomIp(),
  post: (req: never) => Promise<Response> = handlers.POST,
): Promise<Response> {
  const csrfRes = await handlers.GET(new Request(`${BASE}/csrf`) as never);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const body = new URLSearchParams({ csrfToken, email, password, callbackUrl: "/" });
  const req = new Request(`${BASE}/callback/credentials`, {
    method: "POST",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      cookie: cookiePairs(csrfRes).join("; "),
      [CLIENT_IP_HEADER]: ip,
    },
    body,
  });
  return post(req as never);
}

describe("credentials sign-in", () => {
  it("sets a session cookie carrying the user and salon, which the API wrapper accepts", async () => {
    const res = await postCredentials(owner.email, owner.password);
    expect(res.status).toBe(302);
    const session = cookiePairs(res).find((c) => c.startsWith("authjs.session-token="));
    expect(session).toBeDefined();

    expect(await readSessionToken(new Headers({ cookie: session! }))).toEqual({
      userId: owner.userId,
      salonId: owner.salonId,
      sessionId: expect.any(String),
    });
    const api = await getSalon(apiRequest("/api/salon", { cookie: session! }), noParams);
    expect(api.status).toBe(200);
    expect((await api.json()).data.id).toBe(owner.salonId);
  });

  it("redirects a wrong password to /login with a generic error and no session", async () => {
    const res = await postCredentials(owner.email, "wrong password");
    const location = new URL(res.headers.get("location")!);
    expect(location.pathname).toBe("/login");
    expect(location.searchParams.get("error")).toBe("CredentialsSignin");
    expect(location.searchParams.get("code")).toBe("invalid");
    expect(cookiePairs(res).some((c) => c.startsWith("authjs.session-token=") && c.length > 25)).toBe(false);
  });
});

describe("the Auth.js route", () => {
  it("marks the browser as a trusted device after a successful sign-in only", async () => {
    const trusted = (res: Response) => cookiePairs(res).some((c) => c.startsWith("bolt-trusted-device="));
    expect(trusted(await postCredentials(owner.email, "wrong password", randomIp(), authRoutePost))).toBe(false);
    const ok = await postCredentials(owner.email, owner.password, randomIp(), authRoutePost);
    expect(ok.status).toBe(302);
    expect(trusted(ok)).toBe(true);
  });
});

describe("sign-out", () => {
  it("ends the session: a cookie saved before sign-out gets 401 from /api/salon afterwards", async () => {
    const signedIn = await postCredentials(owner.email, owner.password);
    const saved = cookiePairs(signedIn).find((c) => c.startsWith("authjs.session-token="))!;
    expect((await getSalon(apiRequest("/api/salon", { cookie: saved }), noParams)).status).toBe(200);

    const csrfRes = await handlers.GET(new Request(`${BASE}/csrf`, { headers: { cookie: saved } }) as never);
    const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
    const signOut = await handlers.POST(
      new Request(`${BASE}/signout`, {
        method: "POST",
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          cookie: [saved, ...cookiePairs(csrfRes)].join("; "),
        },
        body: new URLSearchParams({ csrfToken, callbackUrl: "/login" }),
      }) as never,
    );
    expect(signOut.status).toBe(302);

    const after = await getSalon(apiRequest("/api/salon", { cookie: saved }), noParams);
    expect(after.status).toBe(401);
    expect(await after.json()).toMatchObject({ code: "unauthorized" });
  });
});
