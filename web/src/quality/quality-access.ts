import type { Me } from '../api/api-types.js';
import { hasRole } from '../shell/session-context.js';

/** The roles the quality API allows, mirrored for the UI (the server checks them again). */
export const canFollowUpComplaints = (me: Me) => hasRole(me, 'supervisor', 'executive');
export const canManageIdeas = (me: Me) => hasRole(me, 'supervisor', 'admin', 'executive');
export const canDecideGestures = (me: Me) => hasRole(me, 'supervisor');
export const canManageRecognition = (me: Me) => hasRole(me, 'supervisor', 'admin', 'executive');
