import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { buildApiSchema, printApiSchema, SCHEMA_FILE } from './schema';

/** `npm run schema:emit`: regenerates schema/schema.graphql from the type-graphql classes. */
buildApiSchema()
  .then((schema) => {
    writeFileSync(SCHEMA_FILE, printApiSchema(schema));
    console.log(`wrote ${SCHEMA_FILE}`);
  })
  .catch((err: Error) => {
    console.error(err);
    process.exit(1);
  });
