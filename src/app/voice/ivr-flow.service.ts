import { IvrFlowError, validateIvrFlow, type IvrFlow, type IvrFlowProblem } from '../../core/ivr/index.js';
import type { Line } from '../../core/model/index.js';
import type { Repositories } from '../../storage/index.js';
import type { Directory } from '../directory.js';
import { defaultIvrFlow } from './default-ivr-flow.js';

export interface LineIvr {
  lineId: string;
  /** The flow as saved, or null when the line runs the default flow. */
  saved: unknown;
  flow: IvrFlow;
  updatedAt: number | null;
  updatedBy: string | null;
}

/**
 * Every line's IVR flow, parsed once and held in memory (the call path never reads configuration from
 * the database). A save validates first, against the line's queues, and then replaces the cached flow.
 */
export class IvrFlowService {
  private readonly flows = new Map<string, LineIvr>();

  constructor(
    private readonly repos: Repositories,
    private readonly directory: Directory,
    private readonly log: (level: 'info' | 'warn' | 'error', message: string, detail?: Record<string, unknown>) => void,
  ) {}

  async load(): Promise<void> {
    for (const tenantId of this.directory.tenantIds()) await this.reloadTenant(tenantId);
  }

  /** Reads the tenant's saved flows again (another node saved one). */
  async reloadTenant(tenantId: string): Promise<void> {
    for (const stored of await this.repos.voice.listFlows(tenantId)) {
      const line = this.directory.findLine(stored.lineId);
      if (!line) continue;
      const result = validateIvrFlow(stored.flow, { queueIds: this.queueIdsOf(line), lineLanguages: line.languages });
      // A flow that no longer validates (a queue was removed) falls back to the default, loudly.
      if (!result.ok) this.log('warn', 'stored IVR flow is invalid; the line uses the default flow', { lineId: line.id, problems: result.problems });
      else this.flows.set(line.id, { lineId: line.id, saved: stored.flow, flow: result.flow, updatedAt: stored.updatedAt, updatedBy: stored.updatedBy });
    }
  }

  forLine(line: Line): LineIvr {
    return this.flows.get(line.id) ?? { lineId: line.id, saved: null, flow: defaultIvrFlow(line), updatedAt: null, updatedBy: null };
  }

  validate(line: Line, input: unknown): { ok: true; flow: IvrFlow } | { ok: false; problems: IvrFlowProblem[] } {
    return validateIvrFlow(input, { queueIds: this.queueIdsOf(line), lineLanguages: line.languages });
  }

  /** Validates and stores; throws `IvrFlowError` (400 `IVR_FLOW_INVALID`) listing every problem. */
  async save(line: Line, input: unknown, updatedBy: string | null, now: number): Promise<LineIvr> {
    const result = this.validate(line, input);
    if (!result.ok) throw new IvrFlowError(result.problems);
    await this.repos.voice.saveFlow({ lineId: line.id, tenantId: line.tenantId, flow: input, updatedBy, updatedAt: now });
    const saved: LineIvr = { lineId: line.id, saved: input, flow: result.flow, updatedAt: now, updatedBy };
    this.flows.set(line.id, saved);
    return saved;
  }

  private queueIdsOf(line: Line): string[] {
    return this.directory
      .queuesOf(line.tenantId)
      .filter((q) => q.lineId === line.id)
      .map((q) => q.id);
  }
}
