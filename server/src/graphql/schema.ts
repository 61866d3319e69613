import 'reflect-metadata';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import path from 'node:path';
import { buildSchema } from 'type-graphql';
import { REPO_ROOT } from '../config';
import { ClusterStructureResolver, StructureResolver } from './cluster-structure.resolver';
import { ClusterResolver } from './cluster.resolver';
import { LimitsResolver } from './limits.resolver';
import { MotifResolver } from './motif.resolver';
import { ContributionResolver } from './contribution.resolver';
import { ReleaseResolver } from './release.resolver';
import { ClusterPredictionResolver, PredictionResolver } from './prediction.resolver';
import { UserResolver } from './user.resolver';

export const SCHEMA_FILE = path.join(REPO_ROOT, 'schema', 'schema.graphql');

const RESOLVERS = [
  ClusterResolver,
  ClusterStructureResolver,
  StructureResolver,
  MotifResolver,
  ClusterPredictionResolver,
  PredictionResolver,
  LimitsResolver,
  ContributionResolver,
  ReleaseResolver,
  UserResolver,
] as const;

export async function buildApiSchema(): Promise<GraphQLSchema> {
  // Input checks live in the resolvers' parse step, so class-validator stays off. Service errors
  // are translated by a class-level middleware on each resolver (see error-middleware.ts), not a
  // global one: a global middleware wraps every plain property field in a promise as well.
  return buildSchema({ resolvers: RESOLVERS, validate: false });
}

/** The SDL as committed in schema/schema.graphql: sorted, so it diffs cleanly. */
export function printApiSchema(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
