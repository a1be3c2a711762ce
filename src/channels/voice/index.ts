export { renderTwiml, type TwimlVerb, type TwimlPromptVerb, type TwimlDialTarget } from './twiml.js';
export { ivrInstructionsToTwiml, promptToTwiml, SAY_LANGUAGE, type IvrTwimlLinks } from './ivr-twiml.js';
export { holdLoopTwiml, connectToAgentTwiml, sayAndHangUpTwiml, leaveQueueTwiml, type HoldLoopInput } from './hold-twiml.js';
export { positionText, VOICE_TEXTS } from './voice-texts.js';
export { TwilioRestClient, VoiceProviderError, callUpdatePath, callUpdateForm, type CallUpdate, type TwilioRestOptions } from './twilio-rest.js';
