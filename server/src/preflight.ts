import { loadConfig } from './config';
import { platformPorts } from './platform-ports';
import { takenPorts } from './port-check';

/**
 * Runs before `npm start` builds the website: a second `npm start` must say which port is taken
 * instead of rebuilding the `.next` directory under the website that is already being served.
 */
async function main(): Promise<void> {
  const problems = await takenPorts(platformPorts(loadConfig()));
  if (problems.length > 0) {
    for (const p of problems) console.error(`clusteratlas: ${p}`);
    process.exit(1);
  }
}

main().catch((err: Error) => {
  console.error(`clusteratlas: ${err.message}`);
  process.exit(1);
});
