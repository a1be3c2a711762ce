import { describe, expect, it } from 'vitest';
import { computeHandleTime, computeHandleTimeByAgent } from './compute-handle-time.js';
import { abandoned, answered, at } from './metrics.test-kit.js';

// talk / wrap-up in seconds: voice 300/60 (agent a1), voice 200/40 (a2), chat 900/0 (a1).
const period = [
  answered('v1', 10, { channel: 'voice', agentId: 'a1', endedAt: at(310), closedAt: at(370) }),
  answered('v2', 10, { channel: 'voice', agentId: 'a2', endedAt: at(210), closedAt: at(250) }),
  answered('c1', 10, { channel: 'chat', agentId: 'a1', endedAt: at(910), closedAt: at(910) }),
  answered('open', 10, { channel: 'chat', agentId: 'a2', endedAt: at(100) }),
  abandoned('x', 50, { channel: 'voice' }),
];

describe('computeHandleTime', () => {
  it('averages talk plus wrap-up overall and per channel', () => {
    const report = computeHandleTime(period);
    expect(report.overall).toMatchObject({ numerator: 1500, denominator: 3, value: 500 });
    expect(report.byChannel.voice).toEqual({ value: 300, numerator: 600, denominator: 2, averageTalkSeconds: 250, averageWrapUpSeconds: 50 });
    expect(report.byChannel.chat).toMatchObject({ value: 900, denominator: 1, averageWrapUpSeconds: 0 });
  });

  it('leaves out contacts still in wrap-up and counts them', () => {
    expect(computeHandleTime(period).incompleteExcluded).toBe(1);
  });

  it('gives null figures for channels without handled contacts', () => {
    const report = computeHandleTime(period);
    expect(report.byChannel.email).toEqual({ value: null, numerator: 0, denominator: 0, averageTalkSeconds: null, averageWrapUpSeconds: null });
    expect(computeHandleTime([]).overall.value).toBeNull();
  });
});

describe('computeHandleTimeByAgent', () => {
  it('shows handle time per agent when the line allows it', () => {
    const report = computeHandleTimeByAgent(period, { hideAgentHandleTime: false });
    expect(report.visibility).toBe('shown');
    if (report.visibility !== 'shown') return;
    expect(report.byAgent.a1).toMatchObject({ numerator: 1260, denominator: 2, value: 630 });
    expect(report.byAgent.a2).toMatchObject({ numerator: 240, denominator: 1 });
  });

  it('computes no per-agent figure at all when the line hides agent handle time', () => {
    const report = computeHandleTimeByAgent(period, { hideAgentHandleTime: true });
    expect(report).toEqual({ visibility: 'hidden', reason: 'line_hides_agent_handle_time' });
    expect(JSON.stringify(report)).not.toContain('a1');
  });
});
