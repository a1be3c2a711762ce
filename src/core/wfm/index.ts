export * from './erlang.types.js';
export { averageSpeedOfAnswer, erlangB, erlangC, occupancy, serviceLevel, trafficIntensity } from './erlang-c.js';
export { requiredAgents } from './required-agents.js';
export { forecastContacts, shiftDay, type ContactForecast, type ForecastOptions, type IntervalForecast } from './forecast-contacts.js';
export { planStaffing, type StaffingInterval, type StaffingPlanOptions } from './staffing-plan.js';
