import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Me, Role } from '../api/api-types.js';
import { authApi } from '../api/endpoints.js';
import { setSessionLostHandler } from '../api/http-client.js';

interface Session {
  /** undefined while the first `/api/me` is in flight; null when logged out. */
  me: Me | null | undefined;
  login(email: string, password: string): Promise<Me>;
  logout(): Promise<void>;
  update(me: Me): void;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  useEffect(() => {
    authApi.me().then(setMe, () => setMe(null));
    setSessionLostHandler(() => setMe(null));
  }, []);
  const login = useCallback(async (email: string, password: string) => {
    const agent = await authApi.login(email, password);
    setMe(agent);
    return agent;
  }, []);
  const logout = useCallback(async () => {
    await authApi.logout().catch(() => undefined);
    setMe(null);
  }, []);
  const value = useMemo<Session>(() => ({ me, login, logout, update: setMe }), [me, login, logout]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

export const hasRole = (me: Me, ...roles: Role[]) => me.roles.some((r) => roles.includes(r));
export const canSupervise = (me: Me) => hasRole(me, 'supervisor', 'admin');
export const isAdmin = (me: Me) => hasRole(me, 'admin');
/** Executives take the pop-up seat on thank-you day. */
export const sitsInPopupSeat = (me: Me) => hasRole(me, 'executive');
/** Outbound campaigns: supervisors set them up, agents call. */
export const worksCampaigns = (me: Me) => hasRole(me, 'agent', 'supervisor');
/** Security, Special Care and supervisors follow up incidents (the `/review` list). */
export const reviewsIncidents = (me: Me) => hasRole(me, 'security', 'special_care', 'supervisor', 'admin');
/** Users who take conversations: every role that the conversation routes allow, with queues. */
export const handlesConversations = (me: Me) => hasRole(me, 'agent', 'security', 'special_care', 'executive') || me.queueIds.length > 0;

/** Content managers (and admins) edit the bot's intents and the knowledge base (the `/content` screens). */
export const managesContent = (me: Me) => hasRole(me, 'content_manager', 'admin');

/** Where a user lands after login. */
export function homeOf(me: Me): '/desktop' | '/supervisor' | '/admin' | '/content' {
  if (handlesConversations(me)) return '/desktop';
  if (hasRole(me, 'content_manager')) return '/content';
  if (hasRole(me, 'supervisor')) return '/supervisor';
  if (isAdmin(me)) return '/admin';
  return '/desktop';
}
