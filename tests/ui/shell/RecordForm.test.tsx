import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type * as Actions from '../../../src/state/actions';
import { editCellText, setCellValue } from '../../../src/state/actions';
import { RecordStore } from '../../../src/state/recordStore';
import { initialState, useAppStore } from '../../../src/state/store';
import { RecordForm } from '../../../src/ui/shell/RecordForm';
import { buildSchema, CUSTOMERS, customerRecords, F, R1, R2, R3, switchLanguage } from './fixtures';

const stores = vi.hoisted(() => new Map<string, unknown>());

vi.mock('../../../src/state/session', () => ({
  recordStore: (tableId: string) => stores.get(tableId),
}));
vi.mock('../../../src/state/actions', async (importOriginal) => ({
  ...(await importOriginal<typeof Actions>()),
  editCellText: vi.fn(async () => undefined),
  setCellValue: vi.fn(async () => undefined),
}));

let store: RecordStore;
beforeEach(async () => {
  await switchLanguage('en');
  store = new RecordStore(CUSTOMERS);
  store.reset(customerRecords(), true);
  stores.set(CUSTOMERS, store);
  useAppStore.setState({
    ...initialState,
    status: 'ready',
    schema: buildSchema(),
    activeTableId: CUSTOMERS,
  });
});
afterEach(() => vi.clearAllMocks());

function renderForm(recordId = R1, onNavigate = vi.fn()) {
  render(
    <RecordForm
      tableId={CUSTOMERS}
      recordId={recordId}
      recordIds={[R1, R2, R3]}
      onNavigate={onNavigate}
      onClose={() => {}}
    />,
  );
  return { form: screen.getByTestId('record-form'), onNavigate };
}

describe('RecordForm', () => {
  it("shows every field's value with an input fit for its type", () => {
    const { form } = renderForm();
    expect(within(form).getByRole('heading', { name: 'Alice Wang' })).toBeInTheDocument();
    expect(screen.getByLabelText('Name')).toHaveValue('Alice Wang');
    expect(screen.getByLabelText('Visits')).toHaveValue('12');
    expect(screen.getByLabelText('VIP')).toBeChecked();
    expect(screen.getByLabelText('Tier')).toHaveValue('Gold');
    const tags = screen.getByRole('group', { name: 'Tags' });
    expect(within(tags).getByLabelText('Tea')).toBeChecked();
    expect(within(tags).getByLabelText('Coffee')).not.toBeChecked();
    expect(screen.getByLabelText('Note').tagName).toBe('TEXTAREA');
    expect(screen.getByLabelText('Note')).toHaveValue('Likes oolong');
    expect(screen.getByLabelText('Birthday')).toHaveAttribute('type', 'date');
    expect(screen.getByLabelText('Birthday')).toHaveValue('1990-05-04');
    expect(screen.getByLabelText('Spent')).toHaveAttribute('readonly');
  });

  it('saves typed text into a number field through the parse action on blur', async () => {
    renderForm();
    const visits = screen.getByLabelText('Visits');
    await userEvent.clear(visits);
    await userEvent.type(visits, '1,234');
    expect(editCellText).not.toHaveBeenCalled();
    await userEvent.tab();
    expect(editCellText).toHaveBeenCalledTimes(1);
    const [field, recordId, text, language] = vi.mocked(editCellText).mock.calls[0]!;
    expect(field.id).toBe(F.visits);
    expect([recordId, text, language]).toEqual([R1, '1,234', 'en']);
  });

  it('saves on Enter and does not save an unchanged value', async () => {
    renderForm();
    await userEvent.click(screen.getByLabelText('Name'));
    await userEvent.tab();
    expect(editCellText).not.toHaveBeenCalled();
    await userEvent.type(screen.getByLabelText('Name'), ' Jr{Enter}');
    expect(vi.mocked(editCellText).mock.calls[0]?.slice(1)).toEqual([R1, 'Alice Wang Jr', 'en']);
  });

  it('sets structured values directly: checkbox, single select and tags', async () => {
    renderForm();
    await userEvent.click(screen.getByLabelText('VIP'));
    expect(vi.mocked(setCellValue).mock.calls[0]?.slice(1)).toEqual([R1, false]);
    await userEvent.selectOptions(screen.getByLabelText('Tier'), 'Silver');
    expect(vi.mocked(setCellValue).mock.calls[1]?.slice(1)).toEqual([R1, 'Silver']);
    await userEvent.click(screen.getByLabelText('Coffee'));
    expect(vi.mocked(setCellValue).mock.calls[2]?.slice(1)).toEqual([R1, ['Coffee', 'Tea']]);
  });

  it('flags a value kept as typed and lets it be edited as text', () => {
    renderForm(R2);
    expect(screen.getByLabelText('Visits')).toHaveValue('lots');
    expect(screen.getByRole('note')).toHaveTextContent(
      'Kept as typed: “lots” does not fit this column (Number)',
    );
  });

  it('re-renders when the record changes in the store', () => {
    renderForm();
    act(() => {
      store.apply(
        [
          {
            kind: 'cell',
            tableId: CUSTOMERS,
            recordId: R1,
            fieldId: F.visits,
            before: 12,
            after: 13,
          },
        ],
        Date.now(),
      );
    });
    expect(screen.getByLabelText('Visits')).toHaveValue('13');
  });

  it('titles an empty record "Untitled record" and steps through the records', async () => {
    const { form, onNavigate } = renderForm(R3);
    expect(within(form).getByRole('heading', { name: 'Untitled record' })).toBeInTheDocument();
    expect(screen.getByText('3 of 3')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Next record' })).toBeDisabled();
    await userEvent.click(screen.getByRole('button', { name: 'Previous record' }));
    expect(onNavigate).toHaveBeenCalledWith(R2);
  });

  it('uses Chinese labels', async () => {
    await switchLanguage('zh-CN');
    const { form } = renderForm(R3);
    expect(within(form).getByRole('heading', { name: '未命名记录' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '上一条记录' })).toBeEnabled();
  });
});
