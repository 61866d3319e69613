import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { buildApiSchema, printApiSchema, SCHEMA_FILE } from './schema';

describe('schema/schema.graphql', () => {
  it('is what the type-graphql classes generate (run `npm run schema:emit` when this fails)', async () => {
    const committed = readFileSync(SCHEMA_FILE, 'utf8');
    expect(printApiSchema(await buildApiSchema())).toBe(committed);
  });
});
