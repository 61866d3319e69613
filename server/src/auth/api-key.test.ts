import { generateKey, hashSecret, keyFingerprint, MAX_KEY_CHARS, parseKey, parseStoredHash, verifySecret } from './api-key';

// Small scrypt parameters keep the unit tests fast; the stored string records them either way.
const FAST = { N: 1 << 10, r: 8, p: 1 };

describe('API key text', () => {
  it('generates ca_<16 hex>_<43 base64url> keys that parse back to their parts', () => {
    const k = generateKey();
    expect(k.text).toMatch(/^ca_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$/);
    expect(k.text).toHaveLength(MAX_KEY_CHARS);
    expect(parseKey(k.text)).toEqual({ keyId: k.keyId, secret: k.secret });
  });

  it('makes a different secret every time (32 random bytes)', () => {
    const secrets = new Set(Array.from({ length: 50 }, () => generateKey().secret));
    expect(secrets.size).toBe(50);
    expect(Buffer.from(generateKey().secret, 'base64url')).toHaveLength(32);
  });

  it('refuses anything that is not exactly a key', () => {
    const k = generateKey('0123456789abcdef');
    for (const bad of [
      '',
      'ca_',
      k.text.slice(0, -1),
      `${k.text}x`,
      k.text.replace('ca_', 'xx_'),
      k.text.replace('0123456789abcdef', '0123456789ABCDEF'),
      k.text.replace('0123456789abcdef_', '0123456789abcdef-'),
      `${k.text.slice(0, -1)}=`,
      ` ${k.text.slice(1)}`,
    ]) {
      expect(parseKey(bad)).toBeNull();
    }
  });

  it('keeps underscores and dashes of the secret (base64url) intact', () => {
    const text = `ca_0123456789abcdef_${'_-'.repeat(21)}A`;
    expect(parseKey(text)).toEqual({ keyId: '0123456789abcdef', secret: `${'_-'.repeat(21)}A` });
  });
});

describe('secret hashing (scrypt)', () => {
  it('verifies the secret it hashed and nothing else', async () => {
    const { secret } = generateKey();
    const stored = await hashSecret(secret, FAST);
    expect(stored).toMatch(/^scrypt\$N=1024,r=8,p=1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(stored).not.toContain(secret);
    await expect(verifySecret(secret, stored)).resolves.toBe(true);
    await expect(verifySecret(generateKey().secret, stored)).resolves.toBe(false);
    await expect(verifySecret(`${secret.slice(0, -1)}A` === secret ? `${secret.slice(0, -1)}B` : `${secret.slice(0, -1)}A`, stored)).resolves.toBe(false);
  });

  it('salts every hash, so one secret hashed twice gives two different records, both valid', async () => {
    const { secret } = generateKey();
    const [a, b] = await Promise.all([hashSecret(secret, FAST), hashSecret(secret, FAST)]);
    expect(a).not.toBe(b);
    await expect(verifySecret(secret, a)).resolves.toBe(true);
    await expect(verifySecret(secret, b)).resolves.toBe(true);
  });

  it('reads the parameters from the record, so hashes made with other parameters still verify', async () => {
    const { secret } = generateKey();
    const stronger = await hashSecret(secret, { N: 1 << 11, r: 8, p: 2 });
    expect(parseStoredHash(stronger)).toMatchObject({ N: 2048, r: 8, p: 2 });
    await expect(verifySecret(secret, stronger)).resolves.toBe(true);
  });

  it('treats malformed or absurd records as a mismatch instead of throwing or allocating', async () => {
    const { secret } = generateKey();
    for (const bad of ['', 'plain', 'scrypt$N=1000,r=8,p=1$AAAA$AAAA', 'scrypt$N=1073741824,r=8,p=1$AAAA$AAAA', 'bcrypt$2b$10$abc']) {
      expect(parseStoredHash(bad)).toBeNull();
      await expect(verifySecret(secret, bad)).resolves.toBe(false);
    }
  });

  it('fingerprints keys without containing them', () => {
    const k = generateKey();
    expect(keyFingerprint(k.text)).toHaveLength(43);
    expect(keyFingerprint(k.text)).not.toContain(k.secret);
    expect(keyFingerprint(k.text)).toBe(keyFingerprint(k.text));
    expect(keyFingerprint(k.text)).not.toBe(keyFingerprint(generateKey(k.keyId).text));
  });
});
