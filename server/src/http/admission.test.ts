import { parse, type OperationDefinitionNode } from 'graphql';
import { EventEmitter } from 'node:events';
import type { Request, Response } from 'express';
import { ClientGoneError } from '../services/fair-queue';
import { currentClient, currentSignal } from '../services/request-client';
import { createAdmission, expensiveFieldCharge, FIELD_CHARGES, parseTrustProxy } from './admission';

const charge = (source: string) => {
  const doc = parse(source);
  const op = doc.definitions.find((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition')!;
  return expensiveFieldCharge(doc, op);
};

describe('expensiveFieldCharge', () => {
  it('charges nothing for catalog reads', () => {
    expect(charge('{ clusters(first: 100) { edges { node { id prediction { log10K1 } } } } facets { total } }')).toBe(0);
  });

  it('charges each expensive field per occurrence, aliases included, and xtb work for explain(structure:)', () => {
    expect(charge('{ a: explain(clusterId: "x", level: ATOM) { fullLog10K1 } b: explain(clusterId: "y", level: ATOM) { fullLog10K1 } }')).toBe(
      2 * FIELD_CHARGES.explain,
    );
    expect(charge('query($s: StructureInput!) { explain(structure: $s, level: ATOM) { fullLog10K1 } }')).toBe(FIELD_CHARGES.explain + 10);
    expect(charge('query($s: StructureInput!) { predict(structure: $s) { xtbWallTimeMs } similar(clusterId: "x") { similarity } }')).toBe(
      FIELD_CHARGES.predict + FIELD_CHARGES.similar,
    );
    expect(charge('{ motifSearch(pattern: {atoms: [{element: "Mo"}]}) { totalCount } }')).toBe(FIELD_CHARGES.motifSearch);
  });

  it('counts fields inside fragments once per spread, and costs each fragment only once (no expansion)', () => {
    expect(charge('{ ...F ...F } fragment F on Query { similar(clusterId: "x") { similarity } }')).toBe(2 * FIELD_CHARGES.similar);
    // 6 levels of 20 spreads: 20^6 = 64 million similar fields if expanded; the charge is capped, and computed from 6 fragments.
    const levels = 6;
    const defs = Array.from({ length: levels }, (_, i) =>
      i === levels - 1
        ? `fragment F${i} on Query { similar(clusterId: "x") { similarity } }`
        : `fragment F${i} on Query { ${Array.from({ length: 20 }, () => `...F${i + 1}`).join(' ')} }`,
    );
    expect(charge(`{ ...F0 } ${defs.join('\n')}`)).toBe(1_000_000);
  });

  it('survives fragment cycles (a validation error reported elsewhere)', () => {
    expect(charge('{ ...A } fragment A on Query { ...B similar(clusterId: "x") { similarity } } fragment B on Query { ...A }')).toBe(FIELD_CHARGES.similar);
  });
});

describe('parseTrustProxy', () => {
  it('trusts exactly the listed addresses, CIDRs and keywords', () => {
    const trust = parseTrustProxy('loopback, 10.0.0.0/8');
    expect(trust('127.0.0.1', 0)).toBe(true);
    expect(trust('::1', 0)).toBe(true);
    expect(trust('10.1.2.3', 0)).toBe(true);
    expect(trust('192.0.2.1', 0)).toBe(false);
  });

  it('trusts nobody with "none" or an empty list', () => {
    for (const v of ['none', '', ' , ']) expect(parseTrustProxy(v)('127.0.0.1', 0)).toBe(false);
  });

  it('names the bad setting (developer error at start-up)', () => {
    expect(() => parseTrustProxy('not-an-address')).toThrow(/TRUST_PROXY "not-an-address"/);
  });
});

describe('asClient: the request context the job queues see', () => {
  const admission = createAdmission({ trustProxy: 'none', points: 10, windowS: 60, maxInFlight: 2 });
  afterAll(() => admission.close());

  function handled(finishedBeforeClose: boolean) {
    const res = Object.assign(new EventEmitter(), { locals: { clientId: 'ip:198.51.100.7' }, writableFinished: false });
    let seen: { client: string; signal: AbortSignal | undefined } | null = null;
    admission.asClient({} as Request, res as unknown as Response, () => {
      seen = { client: currentClient(), signal: currentSignal() };
    });
    if (finishedBeforeClose) res.writableFinished = true;
    res.emit('close');
    return seen!;
  }

  it('runs the rest of the request as its client, with a signal that aborts when the client leaves before the answer', () => {
    const { client, signal } = handled(false);
    expect(client).toBe('ip:198.51.100.7');
    expect(signal?.aborted).toBe(true);
    expect(signal?.reason).toBeInstanceOf(ClientGoneError);
  });

  it('does not abort once the answer has been sent', () => {
    expect(handled(true).signal?.aborted).toBe(false);
  });
});
