import { parse, type OperationDefinitionNode } from 'graphql';
import { cacheKey, etagOf, isCacheableOperation } from './response-cache';

const cacheable = (source: string) => {
  const doc = parse(source);
  const op = doc.definitions.find((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition')!;
  return isCacheableOperation(doc, op);
};

describe('isCacheableOperation', () => {
  it('caches catalog and model reads of catalog clusters', () => {
    expect(cacheable('{ clusters { edges { node { id prediction { log10K1 } } } } }')).toBe(true);
    expect(cacheable('{ explain(clusterId: "Mo5S2-anion", level: ATOM) { fullLog10K1 } similar(clusterId: "x") { similarity } }')).toBe(true);
  });

  it('never caches user structures, also when hidden in fragments', () => {
    expect(cacheable('query($s: StructureInput!) { predict(structure: $s) { xtbWallTimeMs } }')).toBe(false);
    expect(cacheable('query($s: StructureInput!) { explain(structure: $s, level: ATOM) { fullLog10K1 } }')).toBe(false);
    expect(
      cacheable(
        'query($s: StructureInput!) { ...A } fragment A on Query { ... on Query { ...B } } fragment B on Query { predict(structure: $s) { xtbWallTimeMs } }',
      ),
    ).toBe(false);
  });

  it('never caches mutations', () => {
    expect(cacheable('mutation { anything }')).toBe(false);
  });
});

describe('cacheKey and etagOf', () => {
  const v = { datasetVersion: 'd1', modelVersion: 'm1' };
  it('differ when any part of the question or either version differs', () => {
    const base = cacheKey('{ a }', null, { x: 1 }, v);
    expect(cacheKey('{ a }', undefined, undefined, v)).toBe(cacheKey('{ a }', null, {}, v));
    const others = [
      cacheKey('{ b }', null, { x: 1 }, v),
      cacheKey('{ a }', 'Op', { x: 1 }, v),
      cacheKey('{ a }', null, { x: 2 }, v),
      cacheKey('{ a }', null, { x: 1 }, { ...v, datasetVersion: 'd2' }),
      cacheKey('{ a }', null, { x: 1 }, { ...v, modelVersion: null }),
    ];
    expect(new Set([base, ...others]).size).toBe(6);
  });

  it('gives a weak ETag that changes with the body', () => {
    expect(etagOf('{"data":1}\n')).toMatch(/^W\/"[\w-]{32}"$/);
    expect(etagOf('{"data":1}\n')).not.toBe(etagOf('{"data":2}\n'));
  });
});
