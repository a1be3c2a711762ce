import { describe, expect, it } from 'vitest';
import { expectedWaitSeconds, HandleTimeAverages, servingCapacity } from './expected-wait.js';
import { zeroLoad, type AgentRecord } from './routing.records.js';
import type { AgentStatus } from './routing.types.js';

function member(status: AgentStatus, skills: string[], chat: number): AgentRecord {
  return {
    id: `${status}-${skills.join()}`,
    skills: new Set(skills),
    queueIds: ['q'],
    capacity: { ...zeroLoad(), chat },
    status,
    load: zeroLoad(),
    idleSince: 0,
    missedOffers: 0,
    offered: new Set(),
    assigned: new Set(),
  };
}

describe('expected wait', () => {
  it('uses the default handle time until a sample arrives and then follows the samples', () => {
    const averages = new HandleTimeAverages(180, 0.5);
    expect(averages.averageFor('q')).toBe(180);
    averages.record('q', 100);
    expect(averages.averageFor('q')).toBe(100);
    averages.record('q', 200);
    expect(averages.averageFor('q')).toBe(150);
    expect(averages.averageFor('other')).toBe(180);
  });

  it('counts capacity of staffed agents with the skills and ignores away or offline ones', () => {
    const members = [
      member('available', ['lang:nl'], 3),
      member('busy', ['lang:nl'], 2),
      member('wrap_up', ['lang:nl', 'lang:fr'], 1),
      member('away', ['lang:nl'], 5),
      member('offline', ['lang:nl'], 5),
      member('available', ['lang:fr'], 4),
    ];
    expect(servingCapacity(members, 'chat', ['lang:nl'])).toBe(6);
    expect(servingCapacity(members, 'voice', ['lang:nl'])).toBe(0);
  });

  it('rounds up and treats zero capacity as one when estimating', () => {
    expect(expectedWaitSeconds(3, 100, 0)).toBe(300);
    expect(expectedWaitSeconds(1, 100, 3)).toBe(34);
  });
});
