export { RoutingEngine } from './routing-engine.js';
export { RoutingError, isRoutingError, ROUTING_ERROR_CODES, type RoutingErrorCode } from './routing.errors.js';
export { DEFAULT_ROUTING_OPTIONS } from './routing-options.js';
export * from './routing.types.js';
