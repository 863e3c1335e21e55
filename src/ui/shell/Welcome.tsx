/**
 * First launch: pick the shop template or an empty table. The workspace is created in the
 * language shown on screen, with table/column names taken from the catalogue.
 */
import { useTranslation } from 'react-i18next';
import type { Language } from '../../domain/model';
import { useAppStore } from '../../state/store';
import { createWorkspace } from '../../state/workspace';
import { currentLanguage, initI18n } from '../i18n';
import '../styles/shell.css';

const LANGUAGE_CHOICES: readonly { lang: Language; label: string }[] = [
  { lang: 'zh-CN', label: '中文' },
  { lang: 'en', label: 'English' },
];

export function Welcome() {
  const { t } = useTranslation();
  const creating = useAppStore((s) => s.status === 'creating');
  const active = currentLanguage();

  const start = (kind: 'template' | 'empty') => {
    void createWorkspace({
      kind,
      language: currentLanguage(),
      names: {
        workspace: t('shell.names.workspace'),
        table: t('shell.names.table'),
        primaryField: t('shell.names.primaryField'),
        view: t('shell.names.view'),
      },
    });
  };

  return (
    <main className="welcome" data-testid="welcome" aria-busy={creating}>
      <nav className="welcome-lang" aria-label={t('shell.welcome.language')}>
        {LANGUAGE_CHOICES.map(({ lang, label }) => (
          <button
            key={lang}
            type="button"
            lang={lang}
            className={lang === active ? 'welcome-lang-btn active' : 'welcome-lang-btn'}
            aria-pressed={lang === active}
            onClick={() => initI18n(lang)}
          >
            {label}
          </button>
        ))}
      </nav>
      <div className="welcome-content">
        <h1 className="welcome-title">{t('app.name')}</h1>
        <p className="welcome-pitch">{t('shell.welcome.pitch')}</p>
        <div className="welcome-choices">
          <WelcomeChoice
            testId="start-template"
            title={t('shell.welcome.templateTitle')}
            description={t('shell.welcome.templateDesc')}
            disabled={creating}
            primary
            onClick={() => start('template')}
          />
          <WelcomeChoice
            testId="start-empty"
            title={t('shell.welcome.emptyTitle')}
            description={t('shell.welcome.emptyDesc')}
            disabled={creating}
            onClick={() => start('empty')}
          />
        </div>
        <p className="welcome-status" role="status">
          {creating ? t('shell.welcome.creating') : t('shell.welcome.privacy')}
        </p>
      </div>
    </main>
  );
}

interface WelcomeChoiceProps {
  testId: string;
  title: string;
  description: string;
  disabled: boolean;
  primary?: boolean;
  onClick: () => void;
}

function WelcomeChoice({
  testId,
  title,
  description,
  disabled,
  primary,
  onClick,
}: WelcomeChoiceProps) {
  return (
    <button
      type="button"
      className={primary ? 'welcome-choice primary' : 'welcome-choice'}
      data-testid={testId}
      disabled={disabled}
      onClick={onClick}
    >
      <span className="welcome-choice-title">{title}</span>
      <span className="welcome-choice-desc">{description}</span>
    </button>
  );
}
