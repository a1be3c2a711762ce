import type { CallModule } from './call-module.js';
import { CallSession } from './call-session.js';

/** The lazily loaded call script: registers itself for the chat widget (see load-call-module.ts). */
const module: CallModule = { createCall: (host, history) => new CallSession(host, history) };
window.CentraalCall = module;
