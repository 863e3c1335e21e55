/** Serves dist/ once for all end-to-end test files; tests read the address from `inject('baseUrl')`. */
import type { TestProject } from 'vitest/node';
import { startServer } from './browser';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await startServer(4173);
  project.provide('baseUrl', server.url);
  return server.close;
}
