export interface Queue {
  id: string;
  tenantId: string;
  lineId: string;
  name: string;
  /** Skills every agent of the queue needs (languages are added per contact). */
  skills: string[];
  priority: number;
  /** Service level: `serviceLevelPercent`% answered within `serviceLevelSeconds`. */
  serviceLevelSeconds: number;
  serviceLevelPercent: number;
  overflow: { afterSeconds: number; toQueueId: string } | null;
}
