// Starts DynamoDB Local (in memory) and s3rver once for the whole run, publishes the shipped
// forms, and hands the endpoints to every test worker.
import type { TestProject } from 'vitest/node';
import { startEngines } from '../local/stack.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    stackEnv: Record<string, string>;
  }
}

export default async function setup(project: TestProject) {
  const engines = await startEngines();
  const { buildDeps, storageConfigFromEnv } = await import('#functions/composition');
  const { seedForms } = await import('../local/seed.ts');
  await seedForms(buildDeps(storageConfigFromEnv()));
  project.provide('stackEnv', engines.env);
  return () => engines.stop();
}
