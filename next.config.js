// Security headers for every response, also sent by the direct routes of scripts/server.ts (one list, in JSON so
// both can read it). Scripts stay 'self' + inline because Next's App Router inlines its bootstrap; content can still
// never run script because Markdown is sanitized (lib/markdown).
const securityHeaders = require("./lib/http/security-headers.json");

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // Two root layouts (portal, staff): an address matching neither gets app/global-not-found.tsx.
  experimental: { globalNotFound: true },
  // Native module: loaded by Node at run time, never bundled.
  serverExternalPackages: ["better-sqlite3"],
  // The portal lives in app/(portal)/[lang]: Italian, the default, is served without a prefix and English under
  // /en. "/it/…" redirects to the unprefixed address, so each page has one URL.
  async rewrites() {
    return {
      beforeFiles: [
        { source: "/", destination: "/it" },
        { source: "/search", destination: "/it/search" },
        { source: "/a/:slug", destination: "/it/a/:slug" },
        { source: "/c/:slug", destination: "/it/c/:slug" },
        { source: "/p/:slug", destination: "/it/p/:slug" },
        { source: "/feedback", destination: "/it/feedback" },
        { source: "/feed.xml", destination: "/it/feed.xml" },
      ],
    };
  },
  async redirects() {
    return [
      { source: "/it", destination: "/", permanent: true },
      { source: "/it/:path*", destination: "/:path*", permanent: true },
    ];
  },
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      // Uploaded files: no script, sandboxed. In Next 16 next.config headers override a route's own header of the
      // same name, so the upload route's stricter CSP must be stated here (the later rule wins).
      {
        source: "/uploads/:name",
        headers: [{ key: "Content-Security-Policy", value: "default-src 'none'; img-src 'self'; sandbox" }],
      },
      // The portal logo (app/branding/logo/route.ts): the same inert policy as an uploaded image.
      {
        source: "/branding/logo",
        headers: [{ key: "Content-Security-Policy", value: "default-src 'none'; img-src 'self'; sandbox" }],
      },
    ];
  },
};

module.exports = nextConfig;
