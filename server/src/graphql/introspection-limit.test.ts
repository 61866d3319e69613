import { readFileSync } from 'node:fs';
import {
  buildSchema,
  getIntrospectionQuery,
  Kind,
  parse,
  print,
  specifiedRules,
  validate,
  type IntrospectionOptions,
  type OperationDefinitionNode,
} from 'graphql';
import { introspectionLimitRule, introspectionLimits } from './introspection-limit';
import { SCHEMA_FILE } from './schema';

// The committed SDL is what the API serves (schema.test.ts keeps them equal).
const schema = buildSchema(readFileSync(SCHEMA_FILE, 'utf8'));
const rule = introspectionLimitRule(schema);
const errorsOf = (query: string) => validate(schema, parse(query), [...specifiedRules, rule]).map((e) => e.message);
const rejected = (query: string) => errorsOf(query).some((m) => /introspection too large/.test(m));

const OPTION_SETS: IntrospectionOptions[] = [
  {},
  { descriptions: false },
  { descriptions: true, specifiedByUrl: true },
  { directiveIsRepeatable: true, schemaDescription: true },
  { inputValueDeprecation: true },
  { descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, schemaDescription: true, inputValueDeprecation: true },
];

describe('introspection limit', () => {
  it.each(OPTION_SETS.map((o) => [JSON.stringify(o), o]))('accepts the standard introspection query with options %s', (_name, options) => {
    expect(errorsOf(getIntrospectionQuery(options as IntrospectionOptions))).toEqual([]);
  });

  it('accepts what GraphiQL and codegen send for one type, and a plain __typename', () => {
    expect(errorsOf('{ __type(name: "Cluster") { name fields { name type { name kind ofType { name kind } } } } }')).toEqual([]);
    expect(errorsOf('{ __typename dataset { version } }')).toEqual([]);
  });

  it('rejects __type { ofType … } nested far deeper than any TypeRef', () => {
    const ofTypes = (n: number): string => (n === 0 ? 'name' : `ofType { ${ofTypes(n - 1)} }`);
    expect(rejected(`{ __type(name: "Cluster") { ${ofTypes(1000)} } }`)).toBe(true);
    expect(rejected(`{ __schema { types { fields { type { ${ofTypes(30)} } } } } }`)).toBe(true);
  });

  it('rejects introspection lists nested inside each other beyond the standard shape', () => {
    expect(rejected('{ __schema { types { fields { type { fields { type { fields { name } } } } } } } }')).toBe(true);
  });

  it('rejects many aliased copies of the full schema', () => {
    const standard = parse(getIntrospectionQuery());
    const op = standard.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
    const schemaField = print(op.selectionSet.selections[0]);
    const fragments = standard.definitions
      .filter((d) => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((d) => print(d))
      .join('\n');
    expect(errorsOf(`{ s0: ${schemaField} } ${fragments}`)).toEqual([]);
    const aliased = `{ ${Array.from({ length: 4 }, (_, i) => `s${i}: ${schemaField}`).join(' ')} } ${fragments}`;
    expect(rejected(aliased)).toBe(true);
  });

  it('measures a fragment DAG once per fragment (a bomb is rejected, not expanded)', () => {
    const levels = 40;
    const defs = Array.from({ length: levels }, (_, l) =>
      l === levels - 1 ? `fragment T${l} on __Type { name }` : `fragment T${l} on __Type { ofType { ...T${l + 1} } a: ofType { ...T${l + 1} } }`,
    );
    // 2^40 paths if expanded; the measure is computed once per fragment.
    expect(rejected(`{ __type(name: "Cluster") { ...T0 } } ${defs.join(' ')}`)).toBe(true);
  });

  it('derives its limits from the standard query on this schema', () => {
    const limits = introspectionLimits(schema);
    expect(limits.maxDepth).toBeGreaterThan(15);
    expect(limits.maxDepth).toBeLessThan(30);
  });
});
