import { ClientGoneError, FairQueue, QueueFullError } from './fair-queue';

/** A job that finishes when the test says so, recording when it started. */
function gate() {
  let release!: () => void;
  const done = new Promise<void>((r) => (release = r));
  return { done, release };
}

const tick = () => new Promise((r) => setImmediate(r));

describe('FairQueue', () => {
  it('runs at most `concurrency` jobs at once', async () => {
    const q = new FairQueue({ name: 'test', concurrency: 2, maxQueued: 10, maxPerClient: 10 });
    const gates = Array.from({ length: 5 }, gate);
    const started: number[] = [];
    const runs = gates.map((g, i) =>
      q.run('a', async () => {
        started.push(i);
        await g.done;
        return i;
      }),
    );
    await tick();
    expect(started).toEqual([0, 1]);
    expect(q.stats()).toEqual({ running: 2, queued: 3, clients: 1 });
    gates[0].release();
    await tick();
    expect(started).toEqual([0, 1, 2]);
    gates.forEach((g) => g.release());
    await expect(Promise.all(runs)).resolves.toEqual([0, 1, 2, 3, 4]);
    expect(q.stats()).toEqual({ running: 0, queued: 0, clients: 0 });
  });

  it('takes waiting jobs round-robin over clients, FIFO within a client', async () => {
    const q = new FairQueue({ name: 'test', concurrency: 1, maxQueued: 20, maxPerClient: 20 });
    const order: string[] = [];
    const blocker = gate();
    const first = q.run('flood', async () => {
      order.push('flood0');
      await blocker.done;
    });
    // One client queues 5 jobs, then two other clients one each: they must not wait behind all 5.
    const jobs = [
      ...[1, 2, 3, 4, 5].map((i) =>
        q.run('flood', async () => {
          order.push(`flood${i}`);
        }),
      ),
      q.run('cheap', async () => {
        order.push('cheap');
      }),
      q.run('other', async () => {
        order.push('other1');
      }),
      q.run('other', async () => {
        order.push('other2');
      }),
    ];
    blocker.release();
    await Promise.all([first, ...jobs]);
    expect(order).toEqual(['flood0', 'flood1', 'cheap', 'other1', 'flood2', 'other2', 'flood3', 'flood4', 'flood5']);
  });

  it("refuses a client's job beyond its share with scope 'client', others still get in", async () => {
    const q = new FairQueue({ name: 'xtb', concurrency: 1, maxQueued: 10, maxPerClient: 2 });
    const g = gate();
    const a1 = q.run('a', () => g.done);
    const a2 = q.run('a', () => g.done);
    const err = await q.run('a', () => g.done).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(QueueFullError);
    expect(err).toMatchObject({ scope: 'client', queue: 'xtb', limit: 2 });
    expect((err as QueueFullError).retryAfterS).toBeGreaterThanOrEqual(1);
    const b = q.run('b', async () => 'b ran');
    g.release();
    await expect(b).resolves.toBe('b ran');
    await Promise.all([a1, a2]);
  });

  it("refuses any job when the waiting line is full, with scope 'server' and a Retry-After estimate", async () => {
    let t = 0;
    const q = new FairQueue({ name: 'inference', concurrency: 1, maxQueued: 2, maxPerClient: 5, now: () => t });
    // One finished 4 s job sets the duration estimate: 0.8 × 1 s + 0.2 × 4 s = 1.6 s.
    await q.run('warm', async () => {
      t += 4000;
    });
    const g = gate();
    const running = q.run('a', () => g.done);
    const waiting = [q.run('b', () => g.done), q.run('c', () => g.done)];
    const err = await q.run('d', () => g.done).catch((e: unknown) => e);
    expect(err).toMatchObject({ scope: 'server', limit: 2 });
    // Three jobs ahead (two waiting plus this one) × 1.6 s on one slot → 4.8 s, rounded up.
    expect((err as QueueFullError).retryAfterS).toBe(5);
    g.release();
    await Promise.all([running, ...waiting]);
    expect(q.stats()).toEqual({ running: 0, queued: 0, clients: 0 });
  });

  it('frees the slot and the client share when a job fails, synchronously or not', async () => {
    const q = new FairQueue({ name: 'test', concurrency: 1, maxQueued: 5, maxPerClient: 1 });
    await expect(
      q.run('a', () => {
        throw new Error('sync boom');
      }),
    ).rejects.toThrow('sync boom');
    await expect(
      q.run('a', async () => {
        throw new Error('async boom');
      }),
    ).rejects.toThrow('async boom');
    await expect(q.run('a', async () => 'ok')).resolves.toBe('ok');
    expect(q.stats()).toEqual({ running: 0, queued: 0, clients: 0 });
  });

  it('drops a waiting job whose client left: it never starts, and its share and place are freed', async () => {
    const q = new FairQueue({ name: 'test', concurrency: 1, maxQueued: 10, maxPerClient: 2 });
    const blocker = gate();
    const started: string[] = [];
    const first = q.run('a', async () => {
      started.push('a0');
      await blocker.done;
    });
    const gone = new AbortController();
    const left = q.run(
      'b',
      async () => {
        started.push('b-left');
      },
      gone.signal,
    );
    const stays = q.run('c', async () => {
      started.push('c');
    });
    await tick();
    expect(q.stats()).toEqual({ running: 1, queued: 2, clients: 3 });
    gone.abort(new ClientGoneError());
    await expect(left).rejects.toBeInstanceOf(ClientGoneError);
    expect(q.stats()).toEqual({ running: 1, queued: 1, clients: 2 });
    blocker.release();
    await Promise.all([first, stays]);
    expect(started).toEqual(['a0', 'c']);
    expect(q.stats()).toEqual({ running: 0, queued: 0, clients: 0 });
    // b's share is whole again: two jobs at once are accepted.
    await expect(Promise.all([q.run('b', async () => 1), q.run('b', async () => 2)])).resolves.toEqual([1, 2]);
  });

  it('refuses at once a job whose client has already left, and ignores an abort after the start', async () => {
    const q = new FairQueue({ name: 'test', concurrency: 1, maxQueued: 10, maxPerClient: 10 });
    const gone = new AbortController();
    gone.abort(new ClientGoneError());
    let ran = false;
    await expect(
      q.run(
        'a',
        async () => {
          ran = true;
        },
        gone.signal,
      ),
    ).rejects.toBeInstanceOf(ClientGoneError);
    expect(ran).toBe(false);
    const later = new AbortController();
    const g = gate();
    const running = q.run('a', () => g.done.then(() => 'finished'), later.signal);
    await tick();
    later.abort(new ClientGoneError());
    g.release();
    // A started task decides for itself whether to listen to the signal; the queue lets it finish.
    await expect(running).resolves.toBe('finished');
    expect(q.stats()).toEqual({ running: 0, queued: 0, clients: 0 });
  });

  it('with restFactor, holds a slot idle for that multiple of the job it ran before the next job starts, and answers at once', async () => {
    let clock = 0;
    const q = new FairQueue({ name: 'test', concurrency: 1, maxQueued: 10, maxPerClient: 10, restFactor: 1, now: () => clock });
    jest.useFakeTimers();
    try {
      const started: string[] = [];
      const job = (name: string, ms: number) => async () => {
        started.push(name);
        clock += ms; // the job "takes" ms of the queue's clock
        return name;
      };
      const a = q.run('a', job('a', 400));
      const b = q.run('b', job('b', 100));
      await expect(a).resolves.toBe('a');
      expect(started).toEqual(['a']);
      expect(q.stats()).toEqual({ running: 1, queued: 1, clients: 1 });
      jest.advanceTimersByTime(399);
      await Promise.resolve();
      expect(started).toEqual(['a']);
      jest.advanceTimersByTime(1);
      await expect(b).resolves.toBe('b');
      expect(started).toEqual(['a', 'b']);
      jest.advanceTimersByTime(100);
      expect(q.stats()).toEqual({ running: 0, queued: 0, clients: 0 });
    } finally {
      jest.useRealTimers();
    }
  });

  it('rejects impossible bounds at construction (developer error)', () => {
    expect(() => new FairQueue({ name: 'x', concurrency: 0, maxQueued: -1, maxPerClient: 1.5 })).toThrow(/concurrency, maxPerClient, maxQueued/);
  });
});
