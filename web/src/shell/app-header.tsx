import type { Me } from '../api/api-types.js';
import { useI18n } from '../i18n/i18n-context.js';
import { LanguageSwitch } from '../i18n/language-switch.js';
import { navigate, type RoutePath } from './router.js';
import { canViewWallboard } from '../wallboard/wallboard-access.js';
import { canViewReports } from '../reports/report-access.js';
import { canSupervise, handlesConversations, isAdmin, managesContent, reviewsIncidents, sitsInPopupSeat, useSession, worksCampaigns } from './session-context.js';

export function AppHeader({ me, path }: { me: Me | null; path: string }) {
  const { t } = useI18n();
  const { logout } = useSession();
  const links: Array<{ path: RoutePath; label: string; show: boolean }> = me
    ? [
        { path: '/desktop', label: t('nav.desktop'), show: handlesConversations(me) },
        { path: '/supervisor', label: t('nav.supervisor'), show: canSupervise(me) },
        { path: '/wallboard', label: t('nav.wallboard'), show: canViewWallboard(me) },
        { path: '/reports', label: t('nav.reports'), show: canViewReports(me) },
        { path: '/staffing', label: t('nav.staffing'), show: canViewReports(me) },
        { path: '/quality', label: t('nav.quality'), show: true },
        { path: '/review', label: t('nav.review'), show: reviewsIncidents(me) },
        { path: '/content', label: t('nav.content'), show: managesContent(me) },
        { path: '/admin', label: t('nav.admin'), show: isAdmin(me) },
        { path: '/campaigns', label: t('nav.campaigns'), show: worksCampaigns(me) },
        { path: '/popup-seat', label: t('nav.popupSeat'), show: sitsInPopupSeat(me) },
      ]
    : [];
  return (
    <header className="app-header">
      <span className="brand">Centraal</span>
      {me && (
        <nav aria-label={t('nav.label')}>
          <ul>
            {links
              .filter((l) => l.show)
              .map((l) => (
                <li key={l.path}>
                  <a
                    href={l.path}
                    data-testid={`nav-${l.path.slice(1)}`}
                    aria-current={path === l.path ? 'page' : undefined}
                    onClick={(e) => {
                      e.preventDefault();
                      navigate(l.path);
                    }}
                  >
                    {l.label}
                  </a>
                </li>
              ))}
          </ul>
        </nav>
      )}
      <div className="header-end">
        <LanguageSwitch />
        {me && (
          <>
            <span className="user-name" data-testid="user-name">
              {me.name}
            </span>
            <button
              type="button"
              className="button-quiet"
              data-testid="logout"
              onClick={() => {
                void logout().then(() => navigate('/', true));
              }}
            >
              {t('nav.logout')}
            </button>
          </>
        )}
      </div>
    </header>
  );
}
