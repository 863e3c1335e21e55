/**
 * The workspace's as-of date: today (rolling over at midnight) or a pinned date for
 * analysis. Every date-relative formula and TODAY() follow it; changing it recalculates.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { isIsoDate, todayLocal } from '../../domain/dates';
import { useAppStore } from '../../state/store';
import { updateMeta } from '../../state/workspace';

export function AsOfDateSetting() {
  const { t } = useTranslation();
  const id = useId();
  const pinned = useAppStore((s) => s.schema?.meta.asOfDate);
  return (
    <fieldset className="settings-asof" data-testid="as-of-date">
      <legend>{t('shell.settings.asOf.label')}</legend>
      <label>
        <input
          type="radio"
          name={`${id}-asof`}
          checked={!pinned}
          onChange={() => void updateMeta({ asOfDate: undefined })}
        />
        {t('shell.settings.asOf.today', { date: todayLocal() })}
      </label>
      <label>
        <input
          type="radio"
          name={`${id}-asof`}
          checked={!!pinned}
          onChange={() => void updateMeta({ asOfDate: todayLocal() })}
        />
        {t('shell.settings.asOf.pinned')}
      </label>
      {pinned ? (
        <input
          type="date"
          className="input"
          aria-label={t('shell.settings.asOf.pinned')}
          value={pinned}
          onChange={(e) => {
            if (isIsoDate(e.target.value)) void updateMeta({ asOfDate: e.target.value });
          }}
        />
      ) : null}
      <p className="settings-hint">{t('shell.settings.asOf.hint')}</p>
    </fieldset>
  );
}
