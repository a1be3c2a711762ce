import type { IntervalForecast } from './forecast-contacts.js';
import { requiredAgents } from './required-agents.js';

export interface StaffingPlanOptions {
  intervalMinutes: number;
  ahtSeconds: number;
  /** T in "x% within T seconds". */
  targetSeconds: number;
  /** 0 < x < 1. */
  targetServiceLevel: number;
  shrinkage?: number;
  maxOccupancy?: number;
}

export interface StaffingInterval {
  startMinute: number;
  contacts: number;
  /** Agents on the queue for the target (Erlang C). */
  agents: number;
  /** Agents to schedule after shrinkage. */
  scheduledAgents: number;
  /** Occupancy with that many agents: traffic / agents (0 without contacts). */
  occupancy: number;
  serviceLevel: number;
  averageSpeedOfAnswerSeconds: number;
}

/** Per interval of a forecast: the agents needed for the service-level target and their occupancy (Erlang C). */
export function planStaffing(forecast: readonly IntervalForecast[], options: StaffingPlanOptions): StaffingInterval[] {
  return forecast.map((interval) => {
    const need = requiredAgents({
      callsPerInterval: interval.contacts,
      intervalSeconds: options.intervalMinutes * 60,
      ahtSeconds: options.ahtSeconds,
      targetSeconds: options.targetSeconds,
      targetServiceLevel: options.targetServiceLevel,
      ...(options.shrinkage !== undefined ? { shrinkage: options.shrinkage } : {}),
      ...(options.maxOccupancy !== undefined ? { maxOccupancy: options.maxOccupancy } : {}),
    });
    return {
      startMinute: interval.startMinute,
      contacts: interval.contacts,
      agents: need.agents,
      scheduledAgents: need.scheduledAgents,
      occupancy: need.occupancy,
      serviceLevel: need.serviceLevel,
      averageSpeedOfAnswerSeconds: need.averageSpeedOfAnswerSeconds,
    };
  });
}
