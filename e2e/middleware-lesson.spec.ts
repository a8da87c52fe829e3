/**
 * Promise 4, "the middleware lesson": proxy.ts only sets headers, so skipping
 * it (the x-middleware-subrequest advisories) or asking for the React Server
 * Component payload instead of HTML must not reveal anything. Every protected
 * route of e2e/routes.ts is requested as anonymous and as every wrong role,
 * plainly and with each variant below; no answer may contain data, and each
 * must be a redirect to sign-in (anonymous; a learner's JSON handler answers
 * 401 instead) or a 404 (wrong role). The right role's answer to the same
 * request is the control: it does contain the data (or, for a redirect, sends
 * them where it should).
 */
import { expect, request as playwrightRequest, test, type APIRequestContext } from "@playwright/test";
import { baseURL } from "../playwright.config";
import { fill, secretStrings } from "./fixtures";
import { storage } from "./helpers";
import { demoUsers, mayOpen, routes, type Identity } from "./routes";

type Variant = { name: string; headers?: Record<string, string>; path?: (p: string) => string };

const subrequest = (value: string): Variant => ({
  name: `x-middleware-subrequest: ${value}`,
  headers: { "x-middleware-subrequest": value },
});

const variants: Variant[] = [
  { name: "plain" },
  subrequest("middleware"),
  subrequest("proxy"),
  subrequest("src/middleware"),
  subrequest("pages/_middleware"),
  subrequest("middleware:middleware:middleware:middleware:middleware"),
  subrequest("proxy:proxy:proxy:proxy:proxy"),
  subrequest("src/proxy:src/proxy:src/proxy:src/proxy:src/proxy"),
  { name: "RSC: 1", headers: { rsc: "1" } },
  { name: "RSC prefetch", headers: { rsc: "1", "next-router-prefetch": "1" } },
  { name: "RSC segment prefetch", headers: { rsc: "1", "next-router-prefetch": "1", "next-router-segment-prefetch": "/_tree" } },
  { name: "?_rsc= query", path: (p) => `${p}${p.includes("?") ? "&" : "?"}_rsc=1a2b3` },
  { name: "?_rsc= with RSC header", headers: { rsc: "1" }, path: (p) => `${p}?_rsc=1a2b3` },
  { name: ".rsc suffix", path: (p) => `${p}.rsc` },
  { name: ".rsc suffix with RSC header", headers: { rsc: "1" }, path: (p) => `${p}.rsc` },
  { name: "subrequest + RSC", headers: { "x-middleware-subrequest": "proxy:proxy:proxy:proxy:proxy", rsc: "1" } },
  // a client-side navigation from the sign-in page, and a metadata-only prefetch, as the router sends them
  {
    name: "navigation from /signin",
    headers: {
      rsc: "1",
      "next-router-state-tree": encodeURIComponent(JSON.stringify(["", { children: ["signin", { children: ["__PAGE__", {}] }] }])),
    },
  },
  {
    name: "metadata prefetch",
    headers: {
      rsc: "1",
      "next-router-prefetch": "1",
      "next-router-state-tree": encodeURIComponent(JSON.stringify(["", {}, null, "metadata-only"])),
    },
  },
];

const contexts = new Map<Identity, APIRequestContext>();
async function as(who: Identity) {
  let c = contexts.get(who);
  if (!c) {
    c = await playwrightRequest.newContext({ baseURL, storageState: who === "anonymous" ? undefined : storage[who] });
    contexts.set(who, c);
  }
  return c;
}
test.afterAll(async () => {
  for (const c of contexts.values()) await c.dispose();
});

/**
 * Request without following redirects, except Next.js's own hop that adds the
 * `_rsc` cache-busting parameter to an RSC request for the same page.
 */
async function fetchFinal(api: APIRequestContext, path: string, headers: Record<string, string> = {}) {
  let url = path;
  for (let hop = 0; hop < 4; hop++) {
    const res = await api.get(url, { headers, maxRedirects: 0 });
    const location = res.headers()["location"];
    const samePageRsc = location && location.split("?")[0] === url.split("?")[0] && /[?&]_rsc/.test(location);
    if (res.status() >= 300 && res.status() < 400 && samePageRsc) {
      url = location;
      continue;
    }
    return { status: res.status(), location: location ?? "", body: await res.text(), contentType: res.headers()["content-type"] ?? "" };
  }
  throw new Error(`${path}: too many _rsc redirects`);
}

const protectedRoutes = routes.filter((r) => r.audience !== "anyone");
const identities: Identity[] = ["anonymous", "admin", "instructor", "learner"];

for (const route of protectedRoutes) {
  test.describe(`${route.path} (${route.audience} only)`, () => {
    for (const who of identities.filter((i) => !mayOpen(route, i))) {
      test(`as ${who}: no data in any variant`, async () => {
        const api = await as(who);
        const base = await fill(route.path);
        const secrets = secretStrings(who);
        for (const v of variants) {
          const path = v.path ? v.path(base) : base;
          const r = await fetchFinal(api, path, v.headers);
          const what = `${who} ${v.name} ${path} → ${r.status} ${r.location}`;
          for (const s of secrets) expect(r.body.includes(s), `${what}: body contains "${s}"`).toBe(false);
          if (route.marker) expect(r.body.includes(route.marker), `${what}: body contains the page's content`).toBe(false);

          if (r.status === 404) continue;
          if (route.kind === "json" && who === "anonymous") {
            expect(r.status, what).toBe(401);
            continue;
          }
          if (r.status >= 300 && r.status < 400) {
            expect(who, `${what}: only anonymous requests are redirected`).toBe("anonymous");
            expect(r.location, what).toMatch(/^\/signin(\?|$)/);
            continue;
          }
          // an RSC answer carries the redirect or the 404 inside the payload; a
          // prefetch of a dynamic page stops before the page runs (no refusal, no data)
          expect(r.status, what).toBe(200);
          expect(r.contentType, what).toContain("text/x-component");
          if (v.headers?.["next-router-prefetch"]) continue;
          const refusal = who === "anonymous" ? /NEXT_REDIRECT;[a-z]+;\/signin/ : /NEXT_HTTP_ERROR_FALLBACK;404/;
          expect(r.body, what).toMatch(refusal);
        }
      });
    }

    const owner = identities.find((i) => i !== "anonymous" && mayOpen(route, i)) as Exclude<Identity, "anonymous">;
    test(`control: as ${owner} the same requests do reach the data`, async () => {
      const api = await as(owner);
      const base = await fill(route.path);
      // what the leak checks look for: the page's own data, or the signed-in person's name and email
      const expected = route.marker ?? (route.kind === "page" ? demoUsers[owner].name : demoUsers[owner].email);
      const target = route.kind === "redirect" ? await fill(route.redirectsTo!) : null;
      for (const v of variants.filter(
        (x) => x.name === "plain" || x.name.startsWith("x-middleware") || x.name === "?_rsc= with RSC header",
      )) {
        const r = await fetchFinal(api, v.path ? v.path(base) : base, v.headers);
        if (target) {
          // a redirect, or in an RSC answer the redirect inside the payload
          const sent = r.status >= 300 && r.status < 400 ? r.location : r.body;
          expect(sent, `${owner} ${v.name} → ${r.status}`).toContain(target);
          continue;
        }
        expect(r.status, `${owner} ${v.name}`).toBe(200);
        expect(r.body, `${owner} ${v.name}`).toContain(expected);
      }
    });
  });
}
