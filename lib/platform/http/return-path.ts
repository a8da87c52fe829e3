/**
 * Where to send someone back to after signing in, or undefined. Only a path
 * on our own origin is accepted: the value is resolved the way a browser
 * resolves a Location header (so `/\evil.example`, `/%09/evil.example` and
 * `//evil.example`, which browsers treat as another host, all fail the origin
 * comparison) and the normalised path is returned — never the raw value.
 */
export function safeReturnPath(value: string | null | undefined, origin: string): string | undefined {
  if (!value || value.length > 2000) return undefined;
  // a path must start with exactly one slash; a backslash counts as one for browsers
  if (!/^\/(?![/\\])/.test(value)) return undefined;
  let own: URL;
  let url: URL;
  try {
    own = new URL(origin);
    url = new URL(value, own);
  } catch {
    return undefined;
  }
  if (url.origin !== own.origin) return undefined;
  const path = `${url.pathname}${url.search}${url.hash}`;
  return path.startsWith("/") && !path.startsWith("//") ? path : undefined;
}
