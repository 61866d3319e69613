import { Query, Resolver } from 'type-graphql';
import { MOTIF_LIMITS } from '../chem/motif-pattern';
import { MAX_PATTERN_LENGTH } from '../chem/formula-pattern';
import { PREDICT_LIMITS } from '../services/prediction.service';
import { MAX_FILTER_LIST } from './cluster-filter.parse';
import { MAX_ID_LENGTH } from './errors';
import { ApiLimits } from './limits.type';
import { MAX_MATCHES_PER_CLUSTER } from './motif.resolver';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './pagination';
import { MAX_SIMILAR } from './prediction.resolver';

/** The constants the resolvers and services check against, so a client never has to copy them. */
export function apiLimits(): ApiLimits {
  return {
    maxPageSize: MAX_PAGE_SIZE,
    defaultPageSize: DEFAULT_PAGE_SIZE,
    maxIdLength: MAX_ID_LENGTH,
    maxFormulaLength: MAX_PATTERN_LENGTH,
    maxFilterListLength: MAX_FILTER_LIST,
    maxSimilar: MAX_SIMILAR,
    predict: {
      maxAtoms: PREDICT_LIMITS.maxAtoms,
      maxCharge: PREDICT_LIMITS.maxCharge,
      maxXyzCharacters: PREDICT_LIMITS.maxXyzCharacters,
      minDistanceAngstrom: PREDICT_LIMITS.minDistanceAngstrom,
    },
    motif: {
      maxAtoms: MOTIF_LIMITS.maxAtoms,
      maxBonds: MOTIF_LIMITS.maxBonds,
      maxBondOrder: MOTIF_LIMITS.maxOrder,
      maxMatchesPerCluster: MAX_MATCHES_PER_CLUSTER,
    },
  };
}

@Resolver()
export class LimitsResolver {
  @Query(() => ApiLimits, { description: 'The input limits this API enforces (page sizes, structure and motif sizes, text lengths).' })
  limits(): ApiLimits {
    return apiLimits();
  }
}
