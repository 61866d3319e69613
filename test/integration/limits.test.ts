import { MOTIF_LIMITS } from '../../server/src/chem/motif-pattern';
import { MAX_PATTERN_LENGTH } from '../../server/src/chem/formula-pattern';
import { PREDICT_LIMITS } from '../../server/src/services/prediction.service';
import { MAX_PAGE_SIZE } from '../../server/src/graphql/pagination';
import { gql } from '../helpers/graphql';

interface Limits {
  maxPageSize: number;
  maxFormulaLength: number;
  predict: { maxAtoms: number; maxCharge: number };
  motif: { maxAtoms: number; maxBonds: number };
}

async function limits(): Promise<Limits> {
  const r = await gql<{ limits: Limits }>('{ limits { maxPageSize maxFormulaLength predict { maxAtoms maxCharge } motif { maxAtoms maxBonds } } }');
  expect(r.status).toBe(200);
  expect(r.body.errors).toBeUndefined();
  return r.body.data!.limits;
}

describe('the limits query over HTTP', () => {
  it('answers with the server constants', async () => {
    expect(await limits()).toEqual({
      maxPageSize: MAX_PAGE_SIZE,
      maxFormulaLength: MAX_PATTERN_LENGTH,
      predict: { maxAtoms: PREDICT_LIMITS.maxAtoms, maxCharge: PREDICT_LIMITS.maxCharge },
      motif: { maxAtoms: MOTIF_LIMITS.maxAtoms, maxBonds: MOTIF_LIMITS.maxBonds },
    });
  });

  it('advertises the limits that are enforced: the largest page passes, one more is refused', async () => {
    const { maxPageSize, maxFormulaLength, motif } = await limits();
    expect((await gql('query($n: Int) { clusters(first: $n) { totalCount } }', { n: maxPageSize })).status).toBe(200);
    const over = await gql('query($n: Int) { clusters(first: $n) { totalCount } }', { n: maxPageSize + 1 });
    expect(over.status).toBe(400);
    expect(over.body.errors![0].extensions!.code).toBe('BAD_USER_INPUT');

    const longFormula = await gql('query($f: String) { clusters(filter: { formula: $f }) { totalCount } }', { f: 'Mo'.repeat(maxFormulaLength) });
    expect(longFormula.status).toBe(400);
    expect(longFormula.body.errors![0].message).toContain(String(maxFormulaLength));

    const chain = (n: number) => ({
      atoms: Array.from({ length: n }, () => ({ atomClass: 'ANY' })),
      bonds: Array.from({ length: n - 1 }, (_, i) => ({ a: i, b: i + 1 })),
    });
    const tooBig = await gql('query($p: MotifPatternInput!) { motifSearch(pattern: $p, first: 1) { totalCount } }', { p: chain(motif.maxAtoms + 1) });
    expect(tooBig.status).toBe(400);
    expect(tooBig.body.errors![0].message).toContain(`at most ${motif.maxAtoms} atoms`);
  });
});
