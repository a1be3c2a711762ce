export { foldText, readsAsCompliment, surveyBecomesCompliment, type ComplimentReading } from './recognise-compliment.js';
export { NEGATIVE_PHRASES, NEGATORS, POSITIVE_PHRASES } from './compliment-rules.js';
export { computeEarnedBadges, monthOf, type AgentSurveyAnswer, type BadgeRule, type EarnedBadge } from './badges.js';
export { checkVote, tallyAward, type AwardResult, type AwardStatus, type VoteCheck } from './awards.js';
export { decideGesture, GESTURE_STATUSES, spends, type GestureDecision, type GestureStatus } from './gestures.js';
