import {
  getIntrospectionQuery,
  GraphQLError,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  Kind,
  parse,
  type ASTVisitor,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
} from 'graphql';
import { ErrorCode } from './errors';

/**
 * Introspection is exempt from the general depth limit (GraphiQL's, codegen's and Python gql's
 * standard query is 19–21 levels deep through its TypeRef fragment) but bounded by its own
 * measure, taken on this schema: the worst-case number of nodes it returns (each introspection
 * list multiplied by its largest length in the schema) and its depth. The limits are the
 * standard query's own figures (every option of getIntrospectionQuery on) with a small margin,
 * so every common client fits and `__type { ofType { ofType … } }` 1000 deep, or
 * `types { fields { type { fields … } } }`, does not.
 */

const INTROSPECTION_ROOTS = new Set(['__schema', '__type']);

interface Measure {
  nodes: number;
  depth: number;
}

export interface IntrospectionLimits {
  maxNodes: number;
  maxDepth: number;
}

function listSizes(schema: GraphQLSchema): Record<string, number> {
  const types = Object.values(schema.getTypeMap());
  let fields = 1;
  let inputFields = 1;
  let enumValues = 1;
  let args = 1;
  let interfaces = 1;
  let possibleTypes = 1;
  for (const t of types) {
    if (isObjectType(t) || isInterfaceType(t)) {
      const fs = Object.values(t.getFields());
      fields = Math.max(fields, fs.length);
      for (const f of fs) args = Math.max(args, f.args.length);
      interfaces = Math.max(interfaces, t.getInterfaces().length);
    }
    if (isInterfaceType(t)) possibleTypes = Math.max(possibleTypes, schema.getPossibleTypes(t).length);
    if (isInputObjectType(t)) inputFields = Math.max(inputFields, Object.keys(t.getFields()).length);
    if (isEnumType(t)) enumValues = Math.max(enumValues, t.getValues().length);
  }
  for (const d of schema.getDirectives()) args = Math.max(args, d.args.length);
  return {
    types: types.length,
    fields,
    inputFields,
    enumValues,
    args,
    interfaces,
    possibleTypes,
    directives: schema.getDirectives().length,
    locations: 20,
  };
}

/** Measures the introspection parts of one operation; fragments are measured once each. */
export function measureIntrospection(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, sizes = listSizes(schema)): Measure {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const def of document.definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
  const memo = new Map<string, Measure | 'walking'>();

  const measureSet = (set: SelectionSetNode | undefined): Measure => {
    const m: Measure = { nodes: 0, depth: 0 };
    for (const sel of set?.selections ?? []) {
      let part: Measure;
      if (sel.kind === Kind.FIELD) {
        const child = sel.selectionSet ? measureSet(sel.selectionSet) : { nodes: 0, depth: 0 };
        const n = sizes[sel.name.value] ?? 1;
        part = { nodes: n * (1 + child.nodes), depth: 1 + child.depth };
      } else if (sel.kind === Kind.INLINE_FRAGMENT) part = measureSet(sel.selectionSet);
      else part = fragment(sel.name.value, measureSet);
      m.nodes += part.nodes;
      m.depth = Math.max(m.depth, part.depth);
    }
    return m;
  };
  const fragment = (name: string, f: (set: SelectionSetNode) => Measure): Measure => {
    const known = memo.get(name);
    if (known === 'walking') return { nodes: 0, depth: 0 };
    if (known) return known;
    const def = fragments.get(name);
    if (!def) return { nodes: 0, depth: 0 };
    memo.set(name, 'walking');
    const m = f(def.selectionSet);
    memo.set(name, m);
    return m;
  };

  // __schema and __type exist only on the query root, reached directly or through fragments on Query.
  const rootMemo = new Map<string, Measure | 'walking'>();
  const measureRoot = (set: SelectionSetNode): Measure => {
    const m: Measure = { nodes: 0, depth: 0 };
    for (const sel of set.selections) {
      let part: Measure = { nodes: 0, depth: 0 };
      if (sel.kind === Kind.FIELD) {
        if (INTROSPECTION_ROOTS.has(sel.name.value)) {
          const child = measureSet(sel.selectionSet);
          part = { nodes: 1 + child.nodes, depth: 1 + child.depth };
        }
      } else if (sel.kind === Kind.INLINE_FRAGMENT) part = measureRoot(sel.selectionSet);
      else {
        const known = rootMemo.get(sel.name.value);
        if (known && known !== 'walking') part = known;
        else if (!known && fragments.has(sel.name.value)) {
          rootMemo.set(sel.name.value, 'walking');
          part = measureRoot(fragments.get(sel.name.value)!.selectionSet);
          rootMemo.set(sel.name.value, part);
        }
      }
      m.nodes += part.nodes;
      m.depth = Math.max(m.depth, part.depth);
    }
    return m;
  };
  return measureRoot(operation.selectionSet);
}

/** The standard query's figures on this schema, with a margin: what every common client sends. */
export function introspectionLimits(schema: GraphQLSchema): IntrospectionLimits {
  const standard = parse(
    getIntrospectionQuery({ descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, schemaDescription: true, inputValueDeprecation: true }),
  );
  const op = standard.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  const m = measureIntrospection(schema, standard, op);
  return { maxNodes: Math.ceil(m.nodes * 1.5), maxDepth: m.depth + 2 };
}

/** Validation rule: 400 GRAPHQL_VALIDATION_FAILED with `extensions.reason` INTROSPECTION_TOO_COMPLEX beyond the limits. */
export function introspectionLimitRule(schema: GraphQLSchema) {
  const sizes = listSizes(schema);
  const limits = introspectionLimits(schema);
  return (context: ValidationContext): ASTVisitor => ({
    OperationDefinition(operation) {
      const m = measureIntrospection(context.getSchema(), context.getDocument(), operation, sizes);
      if (m.nodes > limits.maxNodes || m.depth > limits.maxDepth) {
        context.reportError(
          new GraphQLError(
            `introspection too large: depth ${m.depth} (limit ${limits.maxDepth}), up to ${m.nodes} nodes (limit ${limits.maxNodes}); the standard introspection query fits`,
            { nodes: operation, extensions: { reason: ErrorCode.INTROSPECTION_TOO_COMPLEX, http: { status: 400 } } },
          ),
        );
      }
    },
  });
}
