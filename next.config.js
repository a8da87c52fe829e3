/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite must not be bundled (it fails on first open from a server component);
  // argon2 ships a native binary; fontkit (certificate fonts) is loaded by Node as published.
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "postgres", "@pdf-lib/fontkit"],
  poweredByHeader: false,
  // e2e builds into its own folder so a running dev server is undisturbed
  distDir: process.env.NEXT_DIST_DIR || ".next",
  typedRoutes: false,
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
    ];
  },
};

module.exports = nextConfig;
