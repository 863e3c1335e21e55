/**
 * The workspaces of this browser, with a way to open another one: a backup restored "as a new
 * workspace" opens beside the current one, which must stay reachable.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkspaceId } from '../../domain/ids';
import { useAppStore } from '../../state/store';
import { listAllWorkspaces, openWorkspace } from '../../state/workspace';

interface Entry {
  id: WorkspaceId;
  name: string;
  createdAt: number;
}

export function WorkspacesSection({ onOpened }: { onOpened: () => void }) {
  const { t, i18n } = useTranslation();
  const current = useAppStore((s) => s.workspaceId);
  const [entries, setEntries] = useState<Entry[]>([]);
  useEffect(() => {
    let live = true;
    void listAllWorkspaces().then((list) => live && setEntries(list));
    return () => {
      live = false;
    };
  }, [current]);
  if (entries.length < 2) return null;
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  const open = (id: WorkspaceId) => {
    onOpened();
    void openWorkspace(id);
  };
  return (
    <section className="settings-workspaces" aria-labelledby="settings-workspaces-title">
      <h3 id="settings-workspaces-title">{t('shell.settings.workspaces.title')}</h3>
      <ul className="workspace-list" data-testid="workspace-list">
        {entries.map((w) => (
          <li key={w.id} data-testid={`workspace-${w.id}`}>
            <span className="workspace-name">{w.name}</span>
            <span className="workspace-created">
              {t('shell.settings.workspaces.created', { date: date.format(w.createdAt) })}
            </span>
            {w.id === current ? (
              <span className="workspace-current">{t('shell.settings.workspaces.current')}</span>
            ) : (
              <button type="button" className="btn" onClick={() => open(w.id)}>
                {t('shell.settings.workspaces.open')}
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
