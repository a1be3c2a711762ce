export { renderTwiml, type TwimlVerb, type TwimlPromptVerb, type TwimlDialTarget, type TwimlConference } from './twiml.js';
export { ivrInstructionsToTwiml, promptToTwiml, SAY_LANGUAGE, type IvrTwimlLinks } from './ivr-twiml.js';
export { holdLoopTwiml, connectToAgentTwiml, sayAndHangUpTwiml, leaveQueueTwiml, type HoldLoopInput } from './hold-twiml.js';
export { positionText, VOICE_TEXTS } from './voice-texts.js';
export { TwilioRestClient, VoiceProviderError, callUpdatePath, callUpdateForm, callCreatePath, type CallUpdate, type NewCall, type TwilioRestOptions } from './twilio-rest.js';
export { consultConference, consultConferenceName, joinConsultTwiml } from './conference-twiml.js';
