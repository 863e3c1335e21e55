/** Adapts the grid's header slot to our ColumnHeader and ColumnMenu components. */
import type { CustomHeaderProps } from 'ag-grid-react';
import { useEffect, useState } from 'react';
import { useAppStore } from '../../state/store';
import { ColumnHeader } from '../columns/ColumnHeader';
import { ColumnMenu } from '../columns/ColumnMenu';
import type { ColumnContext } from './columns';

type SortDir = 'asc' | 'desc' | null;

export function HeaderCell(props: CustomHeaderProps) {
  const ctx = props.column.getColDef().context as ColumnContext;
  const viewId = useAppStore((s) => s.activeViewId);
  const [sort, setSort] = useState<SortDir>((props.column.getSort() as SortDir) ?? null);
  const [anchor, setAnchor] = useState<{ x: number; y: number } | null>(null);
  useEffect(() => {
    const update = () => setSort((props.column.getSort() as SortDir) ?? null);
    props.column.addEventListener('sortChanged', update);
    return () => props.column.removeEventListener('sortChanged', update);
  }, [props.column]);
  const applySort = (direction: SortDir) => props.setSort(direction, false);
  return (
    <>
      <ColumnHeader
        field={ctx.field}
        sortDirection={sort}
        isPrimary={ctx.isPrimary}
        onSort={applySort}
        onOpenMenu={setAnchor}
      />
      {anchor && viewId ? (
        <ColumnMenu
          field={ctx.field}
          viewId={viewId}
          isPrimary={ctx.isPrimary}
          anchor={anchor}
          onClose={() => setAnchor(null)}
          onSort={applySort}
        />
      ) : null}
    </>
  );
}
