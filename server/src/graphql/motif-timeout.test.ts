import 'reflect-metadata';
import { GraphQLError } from 'graphql';
import type { ResolverData } from 'type-graphql';
import { DatabaseUnavailableError } from '../db/executor';
import { patternTimeoutIsClientError } from './motif.resolver';

const run = (failure: Error) => patternTimeoutIsClientError({} as ResolverData, () => Promise.reject(failure));

describe('motif search time-outs', () => {
  it('are the pattern’s fault: 422 PATTERN_TOO_EXPENSIVE', async () => {
    const err = await run(new DatabaseUnavailableError('the query took longer than its time budget', 'TIMEOUT')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GraphQLError);
    expect((err as GraphQLError).extensions).toMatchObject({ code: 'PATTERN_TOO_EXPENSIVE', http: { status: 422 } });
  });

  it('leave an unreachable database a server fault', async () => {
    const outage = new DatabaseUnavailableError('down', 'UNREACHABLE');
    await expect(run(outage)).rejects.toBe(outage);
  });
});
