/** What an empty grid says: no records yet, or none matching the search. */
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../state/store';

export function NoRowsOverlay() {
  const { t } = useTranslation();
  const searching = useAppStore((s) => s.search.trim() !== '');
  return <span className="grid-empty">{t(searching ? 'grid.noMatches' : 'grid.noRows')}</span>;
}
