import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describeRedisUrl, redisOptions, resolveRedisUrl } from './connection';
import { redisConfig } from './redis-launcher';

describe('redisOptions', () => {
  it('reads host, port, credentials and database from the URL, and TLS from rediss://', () => {
    const o = redisOptions('rediss://jobs:p%40ss@redis.example:6390/2', 'queue');
    expect(o).toMatchObject({ host: 'redis.example', port: 6390, username: 'jobs', password: 'p@ss', db: 2, tls: {} });
    expect(redisOptions('redis://127.0.0.1', 'queue')).toMatchObject({ port: 6379, db: 0, password: undefined, username: undefined });
  });

  it('lets BullMQ workers wait for Redis, but never a request (queue producer, rate-limit store)', () => {
    expect(redisOptions('redis://h:1', 'worker').maxRetriesPerRequest).toBeNull();
    expect(redisOptions('redis://h:1', 'queue')).toMatchObject({ enableOfflineQueue: false, maxRetriesPerRequest: 1 });
    expect(redisOptions('redis://h:1', 'limiter')).toMatchObject({ enableOfflineQueue: false, maxRetriesPerRequest: 0, commandTimeout: 1000 });
    // Reconnects for ever, at most every 2 s.
    const retry = redisOptions('redis://h:1', 'worker').retryStrategy;
    expect([1, 5, 100].map(retry)).toEqual([100, 500, 2000]);
  });

  it('names what is wrong with a bad URL', () => {
    expect(() => redisOptions('http://h:1', 'queue')).toThrow(/redis:\/\/ or rediss:\/\//);
    expect(() => redisOptions('redis://h:1/x', 'queue')).toThrow(/database number/);
  });
});

describe('describeRedisUrl', () => {
  it('drops the credentials, for log lines', () => {
    expect(describeRedisUrl('redis://user:secret@10.0.0.5:6390/3')).toBe('redis://10.0.0.5:6390/3');
    expect(describeRedisUrl('redis://:secret@127.0.0.1:6380')).toBe('redis://127.0.0.1:6380');
  });
});

describe('resolveRedisUrl', () => {
  it('prefers REDIS_URL; otherwise the local server with a password generated once beside its data (mode 600)', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'clusteratlas-redis-url-'));
    try {
      expect(resolveRedisUrl({ REDIS_URL: 'redis://x:1', REDIS_PORT: 6380, REDIS_DATA_DIR: path.join(dir, 'redis') })).toBe('redis://x:1');
      const cfg = { REDIS_URL: undefined, REDIS_PORT: 6381, REDIS_DATA_DIR: path.join(dir, 'redis') };
      const first = resolveRedisUrl(cfg);
      const file = path.join(dir, 'redis-password');
      const password = readFileSync(file, 'utf8').trim();
      expect(password.length).toBeGreaterThanOrEqual(20);
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(first).toBe(`redis://:${password}@127.0.0.1:6381`);
      expect(resolveRedisUrl(cfg)).toBe(first);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('redisConfig (the local redis-server)', () => {
  it('listens on loopback only, protected, with a password, an fsynced append-only file and no eviction', () => {
    const lines = redisConfig({ port: 6380, dataDir: '/data/my "redis"', password: 'pw' }).split('\n');
    for (const line of [
      'bind 127.0.0.1',
      'port 6380',
      'protected-mode yes',
      'appendonly yes',
      'appendfsync everysec',
      'maxmemory-policy noeviction',
      'requirepass "pw"',
      'dir "/data/my \\"redis\\""',
    ]) {
      expect(lines).toContain(line);
    }
  });
});
