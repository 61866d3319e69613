import { Field, Int, ObjectType } from 'type-graphql';
import { Cluster } from './cluster.type';

@ObjectType()
export class PageInfo {
  @Field() hasNextPage!: boolean;
  @Field() hasPreviousPage!: boolean;
  @Field(() => String, { nullable: true }) startCursor!: string | null;
  @Field(() => String, { nullable: true }) endCursor!: string | null;
}

@ObjectType()
export class ClusterEdge {
  @Field() cursor!: string;
  @Field(() => Cluster) node!: Cluster;
}

@ObjectType({ description: 'A page of clusters (Relay connection).' })
export class ClusterConnection {
  @Field(() => Int, { description: 'Clusters matching the filter, over all pages.' }) totalCount!: number;
  @Field(() => [ClusterEdge]) edges!: ClusterEdge[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
}
