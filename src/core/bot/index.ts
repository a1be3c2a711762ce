export { decideBotTurn, type BotHistory, type BotTurnDecision, type BotTurnInput, type BotTurnSettings, type HandoverReason, type RankedIntent } from './decide-bot-turn.js';
export { isPersonRequest } from './detect-person-request.js';
export { matchClarificationChoice, type OfferedOption } from './match-clarification-choice.js';
