import { render, screen, waitFor } from '@testing-library/react';
import { Component, useEffect, type ReactNode } from 'react';
import type { DataGridProps } from '../../../src/ui/grid/DataGrid';
import type * as LazyGridModule from '../../../src/ui/grid/LazyGrid';

const DATA_GRID = '../../../src/ui/grid/DataGrid';
const LAZY_GRID = '../../../src/ui/grid/LazyGrid';

/** Mounts of the stand-in grid, by the table it was given. */
const mounts: string[] = [];

function FakeGrid({ table }: DataGridProps) {
  useEffect(() => {
    mounts.push(table.id);
  }, [table.id]);
  return <div data-testid="grid">{table.name}</div>;
}

class Catch extends Component<{ children: ReactNode }, { error: unknown }> {
  override state = { error: null as unknown };
  static getDerivedStateFromError(error: unknown) {
    return { error };
  }
  override render() {
    return this.state.error ? <p>caught: {String(this.state.error)}</p> : this.props.children;
  }
}

function props(id: string, name: string): DataGridProps {
  return { table: { id, name }, view: { id: 'v' } } as unknown as DataGridProps;
}

/** Loads of the grid's module (its mock's factory runs once per load). */
let loads = 0;

async function loadLazyGrid(dataGrid: () => Promise<unknown>) {
  vi.resetModules();
  loads = 0;
  vi.doMock(DATA_GRID, () => {
    loads++;
    return dataGrid();
  });
  return (await import(LAZY_GRID)) as typeof LazyGridModule;
}

beforeEach(() => {
  mounts.length = 0;
});

afterEach(() => {
  vi.doUnmock(DATA_GRID);
});

describe('LazyGrid', () => {
  it("loads the grid's code only when asked, and once", async () => {
    const { preloadGrid } = await loadLazyGrid(() => Promise.resolve({ DataGrid: FakeGrid }));
    expect(loads).toBe(0);
    const first = preloadGrid();
    expect(preloadGrid()).toBe(first);
    expect((await first).DataGrid).toBe(FakeGrid);
    expect(loads).toBe(1);
  });

  it('loads the code itself when nothing preloaded it, and uses a preload when there was one', async () => {
    const { LazyGrid, preloadGrid } = await loadLazyGrid(() =>
      Promise.resolve({ DataGrid: FakeGrid }),
    );
    render(<LazyGrid {...props('t1', 'Customers')} />);
    await screen.findByTestId('grid');
    await preloadGrid();
    expect(loads).toBe(1);
  });

  it('shows the grid once its code is loaded, in a render after the one around it', async () => {
    const { LazyGrid } = await loadLazyGrid(() => Promise.resolve({ DataGrid: FakeGrid }));
    // The module is loaded by now: the grid still does not join the first render.
    render(<LazyGrid {...props('t1', 'Customers')} />);
    expect(screen.queryByTestId('grid')).toBeNull();
    expect((await screen.findByTestId('grid')).textContent).toBe('Customers');
    // Its effects run after the commit that showed it (not always by the time it is found).
    await waitFor(() => expect(mounts).toEqual(['t1']));
    // Made once, not again.
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(mounts).toEqual(['t1']);
  });

  it('makes the grid anew for another table, and keeps it for other changes', async () => {
    const { LazyGrid } = await loadLazyGrid(() => Promise.resolve({ DataGrid: FakeGrid }));
    const { rerender } = render(<LazyGrid {...props('t1', 'Customers')} />);
    await screen.findByTestId('grid');
    rerender(<LazyGrid {...props('t1', 'Clients')} />);
    expect(screen.getByTestId('grid').textContent).toBe('Clients');
    rerender(<LazyGrid {...props('t2', 'Orders')} />);
    expect(screen.getByTestId('grid').textContent).toBe('Orders');
    expect(mounts).toEqual(['t1', 't2']);
  });

  it('hands a failed load of the grid to the error boundary above it', async () => {
    const { LazyGrid } = await loadLazyGrid(() =>
      Promise.reject(new Error('Failed to fetch dynamically imported module')),
    );
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    render(
      <Catch>
        <LazyGrid {...props('t1', 'Customers')} />
      </Catch>,
    );
    // Vitest wraps a factory's failure in an error of its own: any error thrown counts.
    expect((await screen.findByText(/caught:/)).textContent).toMatch(/^caught: Error: /);
    expect(screen.queryByTestId('grid')).toBeNull();
  });
});
