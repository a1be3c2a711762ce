export { detectFraudSignals, normaliseForSignals, type FraudSignal } from './detect-fraud-signals.js';
export { FRAUD_SIGNAL_RULES, type FraudSeverity, type FraudSignalId, type FraudSignalRule } from './fraud-signal-rules.js';
