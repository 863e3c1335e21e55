/**
 * Toasts for the store's notices. Errors stay until the user closes them (they usually mean a
 * change was undone); information hides itself after a few seconds.
 */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Notice } from '../../state/store';
import { dismissNotice, useAppStore } from '../../state/store';
import '../styles/shell.css';

export const INFO_NOTICE_MS = 5000;

export function Notices() {
  const notices = useAppStore((s) => s.notices);
  if (notices.length === 0) return null;
  return (
    <div className="notices" data-testid="notices">
      {notices.map((n) => (
        <NoticeToast key={n.id} notice={n} />
      ))}
    </div>
  );
}

function NoticeToast({ notice }: { notice: Notice }) {
  const { t } = useTranslation();
  const { id, kind } = notice;
  useEffect(() => {
    if (kind !== 'info') return;
    const timer = setTimeout(() => dismissNotice(id), INFO_NOTICE_MS);
    return () => clearTimeout(timer);
  }, [id, kind]);
  return (
    <div
      className={`notice notice-${kind}`}
      role={kind === 'error' ? 'alert' : 'status'}
      data-testid={`notice-${id}`}
    >
      <p className="notice-text">{t(notice.message, notice.params ?? {})}</p>
      <button
        type="button"
        className="notice-close"
        aria-label={t('shell.notices.close')}
        onClick={() => dismissNotice(id)}
      >
        ×
      </button>
    </div>
  );
}
