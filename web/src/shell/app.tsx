import { lazy, Suspense, useEffect } from 'react';
import type { Me } from '../api/api-types.js';
import { AdminPage } from '../admin/admin-page.js';
import { ContentPage } from '../content/content-page.js';
import { DesktopPage } from '../desktop/desktop-page.js';
import { I18nProvider, useI18n } from '../i18n/i18n-context.js';
import { LoginPage } from '../login/login-page.js';
import { RealtimeProvider } from '../realtime/realtime-context.js';
import { ReviewPage } from '../review/review-page.js';
import { canViewReports } from '../reports/report-access.js';
import { QualityPage } from '../quality/quality-page.js';
import { SupervisorPage } from '../supervisor/supervisor-page.js';
import { canViewWallboard } from '../wallboard/wallboard-access.js';
import { WallboardPage } from '../wallboard/wallboard-page.js';
import { AppHeader } from './app-header.js';
import { ConnectionBanner } from './connection-banner.js';
import { NoticeProvider } from './notice-bar.js';
import { navigate, usePathname } from './router.js';
import { canSupervise, handlesConversations, homeOf, isAdmin, managesContent, reviewsIncidents, SessionProvider, sitsInPopupSeat, useSession, worksCampaigns } from './session-context.js';

/** The report screen carries chart.js: loaded only when someone opens it. */
const ReportPage = lazy(() => import('../reports/report-page.js').then((m) => ({ default: m.ReportPage })));
const StaffingPage = lazy(() => import('../reports/staffing-page.js').then((m) => ({ default: m.StaffingPage })));
import { CampaignsPage } from '../campaigns/campaigns-page.js';
import { PopupSeatPage } from '../popup-seat/popup-seat-page.js';

export function App() {
  return (
    <I18nProvider>
      <NoticeProvider>
        <SessionProvider>
          <Shell />
        </SessionProvider>
      </NoticeProvider>
    </I18nProvider>
  );
}

function Shell() {
  const { me } = useSession();
  const path = usePathname();
  const { t } = useI18n();
  if (me === undefined) {
    return (
      <p className="loading" role="status">
        {t('common.loading')}
      </p>
    );
  }
  if (me === null) {
    return (
      <>
        <AppHeader me={null} path={path} />
        <LoginPage />
      </>
    );
  }
  return (
    <RealtimeProvider key={me.id}>
      <AppHeader me={me} path={path} />
      <ConnectionBanner />
      <Routed me={me} path={path} />
    </RealtimeProvider>
  );
}

function Routed({ me, path }: { me: Me; path: string }) {
  const { t } = useI18n();
  const allowed =
    (path === '/desktop' && handlesConversations(me)) || (path === '/supervisor' && canSupervise(me)) || (path === '/review' && reviewsIncidents(me)) || (path === '/admin' && isAdmin(me)) || (path === '/wallboard' && canViewWallboard(me)) || ((path === '/reports' || path === '/staffing') && canViewReports(me)) || (path === '/content' && managesContent(me)) || (path === '/popup-seat' && sitsInPopupSeat(me)) || (path === '/campaigns' && worksCampaigns(me)) || path === '/quality';
  useEffect(() => {
    if (path === '/') navigate(homeOf(me), true);
  }, [path, me]);
  if (path === '/desktop' && allowed) return <DesktopPage me={me} />;
  if (path === '/supervisor' && allowed) return <SupervisorPage />;
  if (path === '/review' && allowed) return <ReviewPage />;
  if (path === '/admin' && allowed) return <AdminPage />;
  if (path === '/wallboard' && allowed) return <WallboardPage />;
  if (path === '/content' && allowed) return <ContentPage />;
  if (path === '/quality') return <QualityPage me={me} />;
  if ((path === '/reports' || path === '/staffing') && allowed)
    return (
      <Suspense fallback={<p className="loading" role="status">{t('common.loading')}</p>}>
        {path === '/reports' ? <ReportPage /> : <StaffingPage />}
      </Suspense>
    );
  if (path === '/popup-seat' && allowed) return <PopupSeatPage />;
  if (path === '/campaigns' && allowed) return <CampaignsPage me={me} />;
  if (path === '/') return null;
  return (
    <main className="page-message">
      <h1>{allowed ? t('common.notFound') : t('error.forbidden')}</h1>
    </main>
  );
}
