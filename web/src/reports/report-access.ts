import type { Me } from '../api/api-types.js';
import { hasRole } from '../shell/session-context.js';

/** Who may open the report screen: the roles `GET /api/reports/lines/:id` allows. */
export const canViewReports = (me: Me) => hasRole(me, 'supervisor', 'admin', 'executive');
