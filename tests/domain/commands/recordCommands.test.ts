import type { RecordId } from '../../../src/domain/ids';
import { createSequentialIds, randomIds, setIdSource } from '../../../src/domain/ids';
import {
  deleteRecordsCommand,
  insertRecordsCommand,
  newRecord,
  orderBetween,
  setCellsCommand,
} from '../../../src/domain/commands/recordCommands';
import { invertCommand } from '../../../src/domain/changes';
import {
  applyCommand,
  APPLY_AT,
  expectRoundTrip,
  F_NAME,
  F_ORDER,
  F_PHONE,
  F_SPEND,
  makeWorld,
  T1,
  T2,
} from './helpers';

const NOW = 3_000;
const A = 'rec_a' as RecordId;
const B = 'rec_b' as RecordId;
const C = 'rec_c' as RecordId;

beforeEach(() => setIdSource(createSequentialIds('r')));
afterAll(() => setIdSource(randomIds));

describe('setCellsCommand', () => {
  it('turns edits into cell changes with a default label', () => {
    const command = setCellsCommand(
      T1,
      [{ recordId: A, fieldId: F_NAME, before: 'Ann', after: 'Anna' }],
      NOW,
    );
    expect(command).toEqual({
      label: 'history.editCells',
      at: NOW,
      changes: [
        { kind: 'cell', tableId: T1, recordId: A, fieldId: F_NAME, before: 'Ann', after: 'Anna' },
      ],
    });
    expect(setCellsCommand(T1, [], NOW, 'history.paste').label).toBe('history.paste');
  });

  it('drops edits that change nothing, treating null, absent and empty text as the same', () => {
    const command = setCellsCommand(
      T1,
      [
        { recordId: A, fieldId: F_NAME, before: 'Ann', after: 'Ann' },
        { recordId: B, fieldId: F_PHONE, before: undefined, after: '' },
        { recordId: C, fieldId: F_SPEND, before: null, after: null },
        { recordId: C, fieldId: F_PHONE, before: '', after: null },
        { recordId: A, fieldId: F_SPEND, before: 120, after: 120 },
        { recordId: A, fieldId: F_PHONE, before: ['x'], after: ['x'] },
        { recordId: B, fieldId: F_SPEND, before: 45.5, after: 46 },
      ],
      NOW,
    );
    expect(command.changes).toEqual([
      { kind: 'cell', tableId: T1, recordId: B, fieldId: F_SPEND, before: 45.5, after: 46 },
    ]);
  });

  it('keeps edits that differ only in type or order', () => {
    const command = setCellsCommand(
      T1,
      [
        { recordId: A, fieldId: F_SPEND, before: 120, after: '120' },
        { recordId: A, fieldId: F_PHONE, before: ['a', 'b'], after: ['b', 'a'] },
        { recordId: A, fieldId: F_NAME, before: 'x', after: { invalid: 'x' } },
        { recordId: B, fieldId: F_PHONE, before: undefined, after: false },
      ],
      NOW,
    );
    expect(command.changes).toHaveLength(4);
  });

  it('undoes and redoes exactly, including a cell that was absent', () => {
    const world = makeWorld();
    const command = setCellsCommand(
      T1,
      [
        { recordId: A, fieldId: F_NAME, before: 'Ann', after: 'Anna' },
        { recordId: B, fieldId: F_PHONE, before: undefined, after: '13900000002' },
        { recordId: C, fieldId: F_SPEND, before: null, after: 7 },
      ],
      NOW,
    );
    const { applied } = expectRoundTrip(world, command, { ignoreModifiedAt: true });
    const [a, b, c] = applied.records[T1] ?? [];
    expect(a?.values[F_NAME]).toBe('Anna');
    expect(b?.values[F_PHONE]).toBe('13900000002');
    expect(c?.values[F_SPEND]).toBe(7);
    expect(a?.modifiedAt).toBe(APPLY_AT);
  });

  it('undo removes a key that was absent instead of leaving undefined behind', () => {
    const world = makeWorld();
    const command = setCellsCommand(
      T1,
      [{ recordId: B, fieldId: F_PHONE, before: undefined, after: '1' }],
      NOW,
    );
    applyCommand(world, command, APPLY_AT);
    applyCommand(world, invertCommand(command), APPLY_AT);
    expect(Object.keys(world.stores.get(T1)?.get(B)?.values ?? {})).toEqual([F_NAME, F_SPEND]);
  });
});

describe('orderBetween', () => {
  it('puts the first record at 0', () => {
    expect(orderBetween(undefined, undefined)).toBe(0);
  });

  it('goes one before the first and one after the last', () => {
    expect(orderBetween(undefined, 3)).toBe(2);
    expect(orderBetween(7, undefined)).toBe(8);
  });

  it('takes the midpoint between neighbours, strictly between them', () => {
    expect(orderBetween(1, 2)).toBe(1.5);
    let hi = 2;
    for (let i = 0; i < 30; i++) {
      const mid = orderBetween(1, hi);
      expect(mid).toBeGreaterThan(1);
      expect(mid).toBeLessThan(hi);
      hi = mid;
    }
  });
});

describe('newRecord', () => {
  it('makes a record with a new id and both timestamps at now', () => {
    const rec = newRecord(T1, 4, { [F_NAME]: 'Dee' }, NOW);
    expect(rec.id).toMatch(/^rec_/);
    expect(rec).toMatchObject({ tableId: T1, order: 4, values: { [F_NAME]: 'Dee' } });
    expect(rec.createdAt).toBe(NOW);
    expect(rec.modifiedAt).toBe(NOW);
    expect(newRecord(T1, 5, {}, NOW).id).not.toBe(rec.id);
  });
});

describe('insertRecordsCommand', () => {
  it('creates the records and undo removes them', () => {
    const world = makeWorld();
    const recs = [
      newRecord(T1, 0.5, { [F_NAME]: 'Between' }, NOW),
      newRecord(T2, 1, { [F_ORDER]: 'A-2' }, NOW),
    ];
    const command = insertRecordsCommand(recs, NOW);
    expect(command.label).toBe('history.addRecords');
    expect(command.changes.every((c) => c.kind === 'record' && !c.before)).toBe(true);
    const { applied } = expectRoundTrip(world, command);
    expect(applied.records[T1]?.map((r) => r.values[F_NAME])).toEqual([
      'Ann',
      'Between',
      'Bob',
      'Cy',
    ]);
    expect(applied.records[T2]).toHaveLength(2);
    expect(insertRecordsCommand(recs, NOW, 'history.paste').label).toBe('history.paste');
  });
});

describe('deleteRecordsCommand', () => {
  it('removes the records and undo restores them in place', () => {
    const world = makeWorld();
    const store = world.stores.get(T1);
    const victims = [store?.get(A), store?.get(C)].filter((r) => r !== undefined);
    const command = deleteRecordsCommand(victims, NOW);
    expect(command.label).toBe('history.deleteRecords');
    const { applied } = expectRoundTrip(world, command);
    expect(applied.records[T1]?.map((r) => r.id)).toEqual([B]);
  });
});
