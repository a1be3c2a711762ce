import type { Me } from '../api/api-types.js';
import { hasRole } from '../shell/session-context.js';

/** Who may open the wallboard: the roles `GET /api/wallboard` allows. */
export const canViewWallboard = (me: Me) => hasRole(me, 'supervisor', 'admin', 'executive');
