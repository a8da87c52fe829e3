import { download, route } from "@/app/_edge/route";
import { readCertificateLogo } from "@/lib/certificates/logo";

export const dynamic = "force-dynamic";

// a transparent pixel while no logo is set: the preview shows nothing, and the route always answers an image
const NONE = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==", "base64");

/**
 * The certificate logo, for the settings page's preview. Admins only (anyone
 * else: 404). Sent with the type its content was checked to be (download():
 * nosniff, no-store); an <img> shows it all the same.
 */
export const GET = route({ permission: "settings.manage", kind: "download" }, async () => {
  const logo = await readCertificateLogo();
  if (!logo) return download(new Uint8Array(NONE), { filename: "no-logo.png", contentType: "image/png" });
  const ext = logo.contentType === "image/png" ? "png" : "jpg";
  return download(new Uint8Array(logo.bytes), { filename: `certificate-logo.${ext}`, contentType: logo.contentType });
});
