/**
 * The small `regulars` database that lists workspaces, so the app knows what to open on
 * launch. Each workspace's data lives in its own database (see schema.ts).
 */
import Dexie, { type EntityTable } from 'dexie';
import type { WorkspaceId } from '../domain/ids';
import type { WorkspaceMeta } from '../domain/model';
import { getWorkspaceDbName } from './schema';

export const REGISTRY_DB_NAME = 'regulars';

export interface WorkspaceEntry {
  id: WorkspaceId;
  name: string;
  createdAt: number;
}

export class RegistryDb extends Dexie {
  workspaces!: EntityTable<WorkspaceEntry, 'id'>;

  constructor(name: string = REGISTRY_DB_NAME) {
    super(name);
    this.version(1).stores({ workspaces: 'id, createdAt' });
  }
}

let shared: RegistryDb | undefined;

/** The registry is opened once per page and kept open. */
function getRegistryDb(): RegistryDb {
  shared ??= new RegistryDb();
  return shared;
}

/** Closes the shared registry connection (tests, or before deleting all data). */
export function closeRegistry(): void {
  shared?.close();
  shared = undefined;
}

/** Workspaces oldest first. */
export async function listWorkspaces(): Promise<WorkspaceEntry[]> {
  return getRegistryDb().workspaces.orderBy('createdAt').toArray();
}

/** Adds the workspace or refreshes its name. Extra meta keys are not copied. */
export async function registerWorkspace(meta: WorkspaceEntry | WorkspaceMeta): Promise<void> {
  const entry: WorkspaceEntry = { id: meta.id, name: meta.name, createdAt: meta.createdAt };
  await getRegistryDb().workspaces.put(entry);
}

/** Forgets the workspace and deletes its database with all its data. */
export async function removeWorkspace(id: WorkspaceId): Promise<void> {
  await getRegistryDb().workspaces.delete(id);
  await Dexie.delete(getWorkspaceDbName(id));
}
