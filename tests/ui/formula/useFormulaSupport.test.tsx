/** The column dialog's formula checks stay usable when the language changes while it is open. */
import { act, renderHook, waitFor } from '@testing-library/react';
import type { FieldId, TableId } from '../../../src/domain/ids';
import { useFormulaSupport } from '../../../src/ui/formula/useFormulaSupport';
import { initI18n } from '../../../src/ui/i18n';

const previews: { destroyed: boolean }[] = [];

vi.mock('../../../src/state/formulaPreview', () => ({
  createFormulaPreview: async () => {
    const state = { destroyed: false };
    previews.push(state);
    return {
      records: [],
      validate: () => {
        if (state.destroyed) throw new Error('the preview engine is gone');
        return { ok: true };
      },
      evaluate: async () => [],
      destroy: () => {
        state.destroyed = true;
      },
    };
  },
}));

describe('useFormulaSupport', () => {
  beforeEach(async () => {
    previews.length = 0;
    await initI18n('zh-CN').changeLanguage('zh-CN');
  });

  it('keeps its engine across a change of language, and frees it when the dialog closes', async () => {
    const { result, unmount } = renderHook(() =>
      useFormulaSupport('tbl_a' as TableId, undefined as FieldId | undefined),
    );
    await waitFor(() => expect(result.current).toBeDefined());
    await act(async () => {
      await initI18n().changeLanguage('en');
    });
    expect(result.current?.validate('={x}')).toEqual({ ok: true });
    expect(previews).toHaveLength(1);
    unmount();
    expect(previews[0]?.destroyed).toBe(true);
  });

  it('shows results with the result format it is given, as the grid does', async () => {
    const { result } = renderHook(() => useFormulaSupport('tbl_a' as TableId));
    await waitFor(() => expect(result.current).toBeDefined());
    const show = result.current?.showResult;
    expect(show?.(174.28571428571428, { formulaFormat: 'currency', decimals: 2 })).toEqual({
      text: '¥174.29',
      error: false,
    });
    expect(show?.(0.07, { formulaFormat: 'percent' })).toEqual({ text: '7%', error: false });
    expect(show?.(46220, { formulaFormat: 'date' })).toEqual({ text: '2026-07-17', error: false });
    expect(show?.(46220, {})).toEqual({ text: '46220', error: false });
    expect(show?.({ error: 'DIV_BY_ZERO' }, { formulaFormat: 'currency' })).toEqual({
      text: '#DIV/0!',
      error: true,
    });
  });
});
