import zlib from "node:zlib";
import { eq, sql } from "drizzle-orm";
import { PDFDocument } from "pdf-lib";
import { execRows, getDb, type DbOrTx } from "@/db/client";
import { certificateLogo, certificateLogoVersions } from "@/db/schema";
import { audit } from "@/lib/audit/record";
import { requirePermission } from "@/lib/access/scope";
import type { CurrentUser } from "@/lib/accounts/sessions";
import { invalid } from "@/lib/platform/errors";

export const MAX_LOGO_BYTES = 512 * 1024;
export const MAX_LOGO_PX = 2000;
export const MIN_LOGO_PX = 16;

export type LogoImage = { contentType: "image/png" | "image/jpeg"; bytes: Uint8Array; width: number; height: number };

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const startsWith = (b: Uint8Array, sig: number[]) => sig.every((x, i) => b[i] === x);

/** Width and height from a JPEG's start-of-frame marker, or null when there is none. */
function jpegSize(b: Uint8Array): { width: number; height: number } | null {
  let i = 2;
  while (i + 9 < b.length) {
    if (b[i] !== 0xff) return null;
    const marker = b[i + 1];
    if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      i += 2;
      continue;
    }
    const length = (b[i + 2] << 8) | b[i + 3];
    // SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC)
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: (b[i + 5] << 8) | b[i + 6], width: (b[i + 7] << 8) | b[i + 8] };
    }
    i += 2 + length;
  }
  return null;
}

/**
 * A PNG whose chunks are whole (lengths in bounds, CRCs right, IHDR first,
 * IEND last) and whose image data inflates within what its size allows.
 * pdf-lib's decoder never returns on some truncated files, so nothing
 * reaches it that has not passed this.
 */
function pngIsWhole(b: Uint8Array, width: number, height: number): boolean {
  const buf = Buffer.from(b.buffer, b.byteOffset, b.byteLength);
  let pos = 8;
  let first = true;
  const idat: Buffer[] = [];
  while (pos + 12 <= buf.length) {
    const length = buf.readUInt32BE(pos);
    const type = buf.toString("latin1", pos + 4, pos + 8);
    if (pos + 12 + length > buf.length) return false;
    if (zlib.crc32(buf.subarray(pos + 4, pos + 8 + length)) !== buf.readUInt32BE(pos + 8 + length)) return false;
    if (first && type !== "IHDR") return false;
    first = false;
    if (type === "IDAT") idat.push(buf.subarray(pos + 8, pos + 8 + length));
    pos += 12 + length;
    if (type === "IEND") break;
  }
  if (pos !== buf.length || !idat.length || buf.toString("latin1", pos - 8, pos - 4) !== "IEND") return false;
  try {
    // 16-bit RGBA is 8 bytes a pixel, plus a filter byte a row
    const out = zlib.inflateSync(Buffer.concat(idat), { maxOutputLength: height * (width * 8 + 1) });
    return out.length > 0;
  } catch {
    return false;
  }
}

const WRONG_TYPE = "Upload the logo as a PNG or JPEG image. This file is not one, whatever its name says.";

/**
 * A logo as uploaded, checked by its content (never its name or the type the
 * browser claims): PNG or JPEG by magic bytes, at most 512 KB and 2000 px a
 * side, and one pdf-lib can draw (a file that only starts like an image fails).
 */
export async function validateLogo(bytes: Uint8Array): Promise<LogoImage> {
  if (bytes.length === 0) throw invalid("Choose an image file to upload.", { logo: "Choose an image file to upload." });
  if (bytes.length > MAX_LOGO_BYTES) {
    const message = `The logo is ${Math.ceil(bytes.length / 1024)} KB; it can be at most 512 KB. Save it smaller and try again.`;
    throw invalid(message, { logo: message });
  }
  let image: LogoImage;
  if (startsWith(bytes, PNG) && bytes.length > 24) {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    image = { contentType: "image/png", bytes, width: view.getUint32(16), height: view.getUint32(20) };
  } else if (startsWith(bytes, [0xff, 0xd8, 0xff])) {
    const size = jpegSize(bytes);
    if (!size) throw invalid(WRONG_TYPE, { logo: WRONG_TYPE });
    image = { contentType: "image/jpeg", bytes, ...size };
  } else {
    throw invalid(WRONG_TYPE, { logo: WRONG_TYPE });
  }
  const { width, height } = image;
  if (width > MAX_LOGO_PX || height > MAX_LOGO_PX || width < MIN_LOGO_PX || height < MIN_LOGO_PX) {
    const message = `The logo is ${width} × ${height} pixels; use one between ${MIN_LOGO_PX} and ${MAX_LOGO_PX} pixels on each side.`;
    throw invalid(message, { logo: message });
  }
  const unreadable = "This image could not be read. Export it again as a PNG or JPEG and upload that.";
  if (image.contentType === "image/png" && !pngIsWhole(bytes, width, height)) throw invalid(unreadable, { logo: unreadable });
  try {
    const doc = await PDFDocument.create();
    if (image.contentType === "image/png") await doc.embedPng(bytes);
    else await doc.embedJpg(bytes);
  } catch {
    throw invalid(unreadable, { logo: unreadable });
  }
  return image;
}

/** A stored logo row (the current one or a kept version) as the image the PDF draws. */
const imageOf = (row: { contentType: string; bytes: Uint8Array; width: number; height: number } | undefined): LogoImage | null =>
  row
    ? { contentType: row.contentType as LogoImage["contentType"], bytes: new Uint8Array(row.bytes), width: row.width, height: row.height }
    : null;

/** The logo certificates issued now print (the settings page shows it), or null when none was uploaded. */
export async function readCertificateLogo(): Promise<LogoImage | null> {
  const [row] = await getDb().select().from(certificateLogo).where(eq(certificateLogo.id, 1)).limit(1);
  return imageOf(row);
}

/**
 * At issue: the logo the certificate will print for good. The current logo is
 * kept among the versions (by the SHA-256 of its bytes) and its hash returned,
 * or null when there is none. One statement, in the issuing transaction.
 */
export async function captureLogoAtIssue(tx: DbOrTx): Promise<string | null> {
  const [row] = await execRows<{ sha256: string }>(
    tx,
    sql`with current_logo as (
          select encode(sha256(bytes), 'hex') as sha256, content_type, bytes, width, height from certificate_logo where id = 1),
        kept as (
          insert into certificate_logo_versions (sha256, content_type, bytes, width, height)
          select sha256, content_type, bytes, width, height from current_logo
          on conflict (sha256) do nothing)
        select sha256 from current_logo`,
  );
  return row?.sha256 ?? null;
}

/** The logo a certificate was issued with (certificates.logo_sha256), or null for one issued without. */
export async function readIssuedLogo(sha256: string | null): Promise<LogoImage | null> {
  if (!sha256) return null;
  const [row] = await getDb().select().from(certificateLogoVersions).where(eq(certificateLogoVersions.sha256, sha256)).limit(1);
  return imageOf(row);
}

type Actor = Pick<CurrentUser, "id" | "email" | "role">;

/** Replace the logo (admins only); a file that fails validation changes nothing. Audited with its size, not its bytes. */
export async function setCertificateLogo({ actor, bytes, ip }: { actor: Actor; bytes: Uint8Array; ip?: string | null }) {
  requirePermission(actor, "settings.manage");
  const logo = await validateLogo(bytes);
  await getDb().transaction(async (tx) => {
    const values = { contentType: logo.contentType, bytes: logo.bytes, width: logo.width, height: logo.height };
    await tx
      .insert(certificateLogo)
      .values({ id: 1, ...values })
      .onConflictDoUpdate({ target: certificateLogo.id, set: { ...values, updatedAt: new Date() } });
    await audit(tx, {
      actorId: actor.id,
      actorEmail: actor.email,
      action: "settings.logo_update",
      targetType: "org_settings",
      targetId: "1",
      ip,
      details: { type: logo.contentType, size: `${Math.ceil(logo.bytes.length / 1024)} KB`, pixels: `${logo.width} × ${logo.height}` },
    });
  });
  return { width: logo.width, height: logo.height };
}

/** Remove the logo (admins only): certificates issued from now on print without one; those issued keep theirs. */
export async function removeCertificateLogo({ actor, ip }: { actor: Actor; ip?: string | null }) {
  requirePermission(actor, "settings.manage");
  await getDb().transaction(async (tx) => {
    const removed = await tx.delete(certificateLogo).where(eq(certificateLogo.id, 1)).returning({ id: certificateLogo.id });
    if (!removed.length) return;
    await audit(tx, {
      actorId: actor.id,
      actorEmail: actor.email,
      action: "settings.logo_remove",
      targetType: "org_settings",
      targetId: "1",
      ip,
    });
  });
}
