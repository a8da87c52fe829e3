import "server-only";
import { hkdfSync, randomUUID } from "node:crypto";
import { EncryptJWT, jwtDecrypt } from "jose";
import type { JWT, JWTDecodeParams, JWTEncodeParams } from "next-auth/jwt";

/**
 * next-auth's own JWT encode/decode (A256GCM, key derived from the secret
 * with HKDF, same claims, same cookies), except that the key is derived once
 * per process and kept: every decode and encode after the first reuses it.
 * Both callers go through these two functions: next-auth for /api/auth/*
 * (sign-in, sign-out, the session endpoint; `jwt` in ./auth-options.ts) and
 * ./session.ts, which decodes the session cookie of every page, action and
 * route handler request. Deriving the key on each call was ~13% of the
 * server's CPU in a profile of the benchmark (npm run bench).
 */
const keys = new Map<string, Uint8Array>();

function encryptionKey(secret: string | Buffer, salt = "") {
  const id = `${salt}\u0000${typeof secret === "string" ? secret : secret.toString("base64")}`;
  let key = keys.get(id);
  if (!key) {
    const info = `NextAuth.js Generated Encryption Key${salt ? ` (${salt})` : ""}`;
    key = new Uint8Array(hkdfSync("sha256", secret, salt, info, 32));
    keys.set(id, key);
  }
  return key;
}

const DEFAULT_MAX_AGE = 30 * 24 * 60 * 60;

export async function encodeJwt({ token = {}, secret, maxAge = DEFAULT_MAX_AGE, salt = "" }: JWTEncodeParams): Promise<string> {
  return new EncryptJWT(token)
    .setProtectedHeader({ alg: "dir", enc: "A256GCM" })
    .setIssuedAt()
    .setExpirationTime(Math.floor(Date.now() / 1000) + maxAge)
    .setJti(randomUUID())
    .encrypt(encryptionKey(secret, salt));
}

export async function decodeJwt({ token, secret, salt = "" }: JWTDecodeParams): Promise<JWT | null> {
  if (!token) return null;
  const { payload } = await jwtDecrypt(token, encryptionKey(secret, salt), { clockTolerance: 15 });
  return payload as JWT;
}
