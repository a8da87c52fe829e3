/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite must not be bundled (it fails on first open from a server component);
  // argon2 ships a native binary; fontkit (certificate fonts) is loaded by Node as published;
  // React Email's renderer imports react-dom/server, which the server-components bundle refuses
  // (the template previews and the in-app worker render email): Node loads it as published.
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "postgres", "@pdf-lib/fontkit", "@react-email/render"],
  poweredByHeader: false,
  // e2e builds into its own folder so a running dev server is undisturbed
  distDir: process.env.NEXT_DIST_DIR || ".next",
  typedRoutes: false,
  experimental: {
    // a roster CSV may be 1 MB (ROSTER_MAX_BYTES, lib/cohorts/roster-import.ts); Next's default of 1 MB
    // for the whole form refused files just under it with a generic error
    serverActions: { bodySizeLimit: "2mb" },
    // proxy.ts sees every request, and Next.js buffers its body for it: bound that too
    // (JSON route handlers cap theirs far lower, lib/platform/http/json-body.ts)
    proxyClientMaxBodySize: "2mb",
  },
  // the mark is app/icon.svg (linked from every page's <head>); a browser or tool that asks for
  // /favicon.ico anyway (a PDF tab, /verify/<code>'s plain HTML) gets the same SVG, not a 404
  async rewrites() {
    return [{ source: "/favicon.ico", destination: "/icon.svg" }];
  },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
        ],
      },
      // pages whose URL carries a secret (a link token) or a certificate code:
      // no Referer at all, so the link does not travel to the next site visited
      // (these headers override the ones above, and a route handler's own)
      ...["/verify/:path*", "/set-password/:path*", "/join/:path*"].map((source) => ({
        source,
        headers: [{ key: "Referrer-Policy", value: "no-referrer" }],
      })),
    ];
  },
};

module.exports = nextConfig;
