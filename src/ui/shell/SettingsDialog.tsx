/** Settings: the interface language and how safe the browser keeps the stored data. */
import { useTranslation } from 'react-i18next';
import type { Language } from '../../domain/model';
import type { PersistenceState } from '../../state/store';
import { useAppStore } from '../../state/store';
import { refreshPersistence, setLanguage } from '../../state/workspace';
import { Dialog } from '../components/Dialog';
import { initI18n, normaliseLanguage } from '../i18n';
import { BackupSection } from '../export/BackupSection';
import { AsOfDateSetting } from './AsOfDateSetting';
import { WorkspacesSection } from './WorkspacesSection';
import { formatBytes } from './formatBytes';
import '../styles/shell.css';

export interface SettingsDialogProps {
  onClose: () => void;
}

type LanguageChoice = Language | 'browser';

function applyLanguage(choice: LanguageChoice): void {
  const language = choice === 'browser' ? undefined : choice;
  void setLanguage(language);
  initI18n(language ?? normaliseLanguage(navigator.language));
}

export function SettingsDialog({ onClose }: SettingsDialogProps) {
  const { t } = useTranslation();
  const chosen: LanguageChoice = useAppStore((s) => s.schema?.meta.language) ?? 'browser';
  return (
    <Dialog
      title={t('shell.settings.title')}
      onClose={onClose}
      testId="settings-dialog"
      footer={
        <button type="button" className="btn btn-primary" onClick={onClose}>
          {t('actions.close')}
        </button>
      }
    >
      <div className="field-row">
        <label htmlFor="settings-language">{t('shell.settings.language')}</label>
        <select
          id="settings-language"
          className="select"
          value={chosen}
          onChange={(e) => applyLanguage(e.target.value as LanguageChoice)}
        >
          <option value="browser">{t('shell.settings.followBrowser')}</option>
          <option value="zh-CN" lang="zh-CN">
            中文
          </option>
          <option value="en" lang="en">
            English
          </option>
        </select>
      </div>
      <AsOfDateSetting />
      <section className="settings-storage" aria-labelledby="settings-storage-title">
        <h3 id="settings-storage-title">{t('shell.settings.storage')}</h3>
        <PersistenceInfo />
        <StorageUsage />
      </section>
      <BackupSection onRestored={onClose} />
      <WorkspacesSection onOpened={onClose} />
    </Dialog>
  );
}

function PersistenceInfo() {
  const { t } = useTranslation();
  const persistence: PersistenceState = useAppStore((s) => s.persistence);
  return (
    <div className={`settings-persistence ${persistence}`} data-testid="persistence">
      <p>{t(`shell.settings.persistence.${persistence}`)}</p>
      {persistence !== 'granted' ? (
        <button type="button" className="btn" onClick={() => void refreshPersistence()}>
          {t('shell.settings.askAgain')}
        </button>
      ) : null}
    </div>
  );
}

function StorageUsage() {
  const { t, i18n } = useTranslation();
  const storage = useAppStore((s) => s.storage);
  if (!storage || storage.quota <= 0) {
    return <p className="settings-usage muted">{t('shell.settings.usageUnknown')}</p>;
  }
  const locale = i18n.language;
  return (
    <div className="settings-usage">
      <p>
        {t('shell.settings.usage', {
          used: formatBytes(storage.usage, locale),
          quota: formatBytes(storage.quota, locale),
        })}
      </p>
      <progress
        className="settings-usage-bar"
        aria-label={t('shell.settings.usageLabel')}
        value={Math.min(storage.usage, storage.quota)}
        max={storage.quota}
      />
    </div>
  );
}
