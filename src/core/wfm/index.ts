export * from './erlang.types.js';
export { averageSpeedOfAnswer, erlangB, erlangC, occupancy, serviceLevel, trafficIntensity } from './erlang-c.js';
export { requiredAgents } from './required-agents.js';
