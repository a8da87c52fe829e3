import { hash, verify } from "@node-rs/argon2";

// argon2id (the library's default algorithm) with OWASP's minimum: 19 MiB, t=2, p=1
const options = { memoryCost: 19456, timeCost: 2, parallelism: 1 };

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;

// The most common passwords of public breach lists; a longer list adds little
// once length ≥ 8 is required.
const COMMON = new Set(
  `password password1 password12 password123 password1234 12345678 123456789 1234567890 123123123 11111111
  00000000 qwertyui qwerty123 qwertyuiop 1q2w3e4r 1q2w3e4r5t 1qaz2wsx zaq12wsx iloveyou iloveyou1 sunshine
  princess football baseball welcome welcome1 welcome123 letmein1 letmein123 trustno1 superman batman123
  starwars dragon123 monkey123 abc12345 abcd1234 abcdefgh passw0rd p@ssw0rd p@ssword admin123 administrator
  changeme changeme1 default1 michael1 jennifer shadow12 master12 computer internet freedom1 whatever
  qwerty12 asdfghjk asdf1234 zxcvbnm1 987654321 88888888 12341234 123qweasd q1w2e3r4 access14 mustang1
  recovery recovery1 cohort123 training`.split(/\s+/),
);

/** Why a password is not acceptable, or null. */
export function passwordProblem(password: string): string | null {
  if (password.length < PASSWORD_MIN) return `Use at least ${PASSWORD_MIN} characters.`;
  if (password.length > PASSWORD_MAX) return `Use at most ${PASSWORD_MAX} characters.`;
  if (COMMON.has(password.toLowerCase())) return "This password is too common. Choose another.";
  return null;
}

export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password, options);
  } catch {
    return false;
  }
}

// Compared against when the email is unknown, so both paths cost one argon2 verify.
let dummy: Promise<string> | undefined;
export function dummyHash(): Promise<string> {
  dummy ??= hash("not-a-real-password-0000", options);
  return dummy;
}
