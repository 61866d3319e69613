import { createHash, randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * API keys: `ca_<keyId>_<secret>`. The key id (16 hex digits) names the stored record, so a key
 * is verified with one indexed lookup and one hash, never by trying every stored hash; the
 * secret is 32 random bytes (base64url, 43 characters) and only its scrypt hash is stored.
 *
 * scrypt (node:crypto) rather than argon2: it ships with Node (no native addon, no install
 * script, identical on Node 20/22/24) and is memory-hard. The parameters are recorded in the
 * stored string (`scrypt$N=…,r=…,p=…$salt$hash`), so they can be raised later without breaking
 * existing keys.
 */

export const KEY_PREFIX = 'ca_';
const KEY_ID_HEX = 16;
const SECRET_BYTES = 32;
/** 32 bytes in unpadded base64url. */
const SECRET_CHARS = 43;
const KEY_PATTERN = new RegExp(`^${KEY_PREFIX}([0-9a-f]{${KEY_ID_HEX}})_([A-Za-z0-9_-]{${SECRET_CHARS}})$`);
/** Longer than any well-formed key: refused before the pattern runs. */
export const MAX_KEY_CHARS = KEY_PREFIX.length + KEY_ID_HEX + 1 + SECRET_CHARS;

export interface ParsedKey {
  keyId: string;
  secret: string;
}

export interface GeneratedKey extends ParsedKey {
  /** The full key, shown to its owner once. */
  text: string;
}

/** N = 2^15, r = 8: 32 MiB and about 0.1 s of one core per hash (127 ms measured on the shared 2-core dev machine); maxmem leaves room above 128·N·r. */
export const SCRYPT_PARAMS = { N: 1 << 15, r: 8, p: 1 } as const;
const HASH_BYTES = 32;
const SALT_BYTES = 16;

export function parseKey(text: string): ParsedKey | null {
  if (typeof text !== 'string' || text.length !== MAX_KEY_CHARS) return null;
  const m = KEY_PATTERN.exec(text);
  return m ? { keyId: m[1], secret: m[2] } : null;
}

export function newKeyId(): string {
  return randomBytes(KEY_ID_HEX / 2).toString('hex');
}

export function generateKey(keyId: string = newKeyId()): GeneratedKey {
  const secret = randomBytes(SECRET_BYTES).toString('base64url');
  return { keyId, secret, text: `${KEY_PREFIX}${keyId}_${secret}` };
}

function scryptAsync(secret: string, salt: Buffer, keylen: number, opts: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => scrypt(secret, salt, keylen, opts, (err, key) => (err ? reject(err) : resolve(key))));
}

function maxmem(p: { N: number; r: number }): number {
  return 256 * p.N * p.r;
}

/** The stored form of a secret: `scrypt$N=32768,r=8,p=1$<salt b64url>$<hash b64url>`. */
export async function hashSecret(secret: string, params: { N: number; r: number; p: number } = SCRYPT_PARAMS): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const hash = await scryptAsync(secret, salt, HASH_BYTES, { ...params, maxmem: maxmem(params) });
  return `scrypt$N=${params.N},r=${params.r},p=${params.p}$${salt.toString('base64url')}$${hash.toString('base64url')}`;
}

interface StoredHash {
  N: number;
  r: number;
  p: number;
  salt: Buffer;
  hash: Buffer;
}

export function parseStoredHash(stored: string): StoredHash | null {
  const m = /^scrypt\$N=(\d+),r=(\d+),p=(\d+)\$([A-Za-z0-9_-]+)\$([A-Za-z0-9_-]+)$/.exec(stored);
  if (!m) return null;
  const [N, r, p] = [Number(m[1]), Number(m[2]), Number(m[3])];
  // Bounds keep a corrupt record from asking for gigabytes.
  if (N < 2 || N > 1 << 20 || (N & (N - 1)) !== 0 || r < 1 || r > 32 || p < 1 || p > 16) return null;
  return { N, r, p, salt: Buffer.from(m[4], 'base64url'), hash: Buffer.from(m[5], 'base64url') };
}

/** Constant-time comparison of a presented secret with its stored hash; false for a malformed record. */
export async function verifySecret(secret: string, stored: string): Promise<boolean> {
  const parsed = parseStoredHash(stored);
  if (!parsed) return false;
  const { N, r, p, salt, hash } = parsed;
  const candidate = await scryptAsync(secret, salt, hash.length, { N, r, p, maxmem: maxmem({ N, r }) });
  return candidate.length === hash.length && timingSafeEqual(candidate, hash);
}

/** A fast digest of the full key: the in-memory cache of verified keys is keyed by it, never by the key itself. */
export function keyFingerprint(text: string): string {
  return createHash('sha256').update(text).digest('base64url');
}
