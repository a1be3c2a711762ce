import { z } from 'zod';

export const ESCALATION_TARGETS = ['security', 'special_care'] as const;
export type EscalationTarget = (typeof ESCALATION_TARGETS)[number];

const HOURS_PER_WEEK = 7 * 24;
const MINUTES_PER_DAY = 24 * 60;

const localizedText = (nl: string, fr: string, en: string) =>
  z
    .object({ nl: z.string().min(1), fr: z.string().min(1), en: z.string().min(1) })
    .prefault({ nl, fr, en });

const count = (fallback: number, description: string) => z.int().min(1).default(fallback).describe(description);

const swearingRule = z
  .object({
    timeOutAt: count(2, 'Swearing messages in one conversation that earn a time-out; the ones before get a warning.'),
    timeOutMinutes: z.int().min(1).max(MINUTES_PER_DAY).default(10).describe('Length of the time-out; the conversation is paused meanwhile.'),
    endAfterTimeOuts: count(1, 'Time-outs after which the next swearing ends the conversation.'),
  })
  .prefault({});

const threatRule = z
  .object({
    escalateTo: z.enum(ESCALATION_TARGETS).default('security').describe('Queue that assesses the threat and decides on a police report.'),
    agentCareTask: z.boolean().default(true).describe('A team lead talks to the agent the same day.'),
  })
  .prefault({});

const discriminationRule = z
  .object({
    endAt: count(2, 'Discriminating messages in one conversation that end it; the ones before get a warning.'),
    agentCareTask: z.boolean().default(true).describe('Racism and sexism hit agents personally: follow up with them.'),
  })
  .prefault({});

const sexualRule = z
  .object({ block: z.boolean().default(true).describe('Block the contact key after a sex call or explicit message.') })
  .prefault({});

const spamRule = z
  .object({
    timeOutAt: count(3, 'Spam or flooding messages in one conversation that earn a time-out.'),
    timeOutMinutes: z.int().min(1).max(MINUTES_PER_DAY).default(10).describe('Length of a spam time-out.'),
  })
  .prefault({});

const blockRule = z
  .object({
    prankHours: z.number().positive().default(24).describe('First block of a contact key (prank, sex caller).'),
    repeatHours: z.number().positive().default(HOURS_PER_WEEK).describe('Block when the contact key was blocked before.'),
    maxHours: z.number().positive().default(30 * 24).describe('Longest block an agent may set; security may go beyond.'),
    allowPermanent: z.boolean().default(false).describe('Whether security may block without an end. Off: people change, numbers get reused.'),
  })
  .prefault({})
  .check((ctx) => {
    const { prankHours, repeatHours, maxHours } = ctx.value;
    if (repeatHours < prankHours) ctx.issues.push({ code: 'custom', input: ctx.value, path: ['repeatHours'], message: `block.repeatHours (${repeatHours}) must be at least block.prankHours (${prankHours})` });
    if (maxHours < repeatHours) ctx.issues.push({ code: 'custom', input: ctx.value, path: ['maxHours'], message: `block.maxHours (${maxHours}) must be at least block.repeatHours (${repeatHours})` });
  });

const specialCareRule = z
  .object({ unresolvedContacts: count(3, 'Unresolved contacts by the same contact key after which the case goes to Special Care.') })
  .prefault({});

const prankRule = z
  .object({
    minPrankWrapUps: count(2, 'Conversations wrapped up as prank or test that make a pattern.'),
    minPrankShare: z.number().min(0).max(1).default(0.5).describe('Share of recent conversations wrapped up as prank or test.'),
    floodConversations: count(5, 'Recent conversations that, when all very short, look like flooding the line.'),
    floodMaxAverageSeconds: z.number().positive().default(30).describe('Average duration below which many conversations count as flooding.'),
    suggestedTimeOutMinutes: z.int().min(1).max(MINUTES_PER_DAY).default(60).describe('Time-out suggested to the agent for a repeat prank.'),
  })
  .prefault({});

const messages = z
  .object({
    swearingWarning: localizedText(
      'Ik wil u graag helpen, maar schelden accepteren we niet. Zullen we op een normale toon verdergaan?',
      'Je veux vous aider, mais nous n’acceptons pas les insultes. Pouvons-nous continuer sur un ton correct ?',
      'I want to help you, but we do not accept abusive language. Shall we continue in a respectful tone?',
    ),
    discriminationWarning: localizedText(
      'Discriminerende opmerkingen accepteren we niet. Als dit nog eens gebeurt, beëindigen we het gesprek.',
      'Nous n’acceptons pas les propos discriminatoires. Si cela se reproduit, nous mettrons fin à la conversation.',
      'We do not accept discriminatory remarks. If this happens again, we will end the conversation.',
    ),
    timeOut: localizedText(
      'We pauzeren dit gesprek {minutes} minuten. Daarna kunt u op een rustige toon verder.',
      'Nous mettons cette conversation en pause pendant {minutes} minutes. Vous pourrez ensuite reprendre calmement.',
      'We are pausing this conversation for {minutes} minutes. After that you can continue calmly.',
    ),
    end: localizedText('We beëindigen dit gesprek.', 'Nous mettons fin à cette conversation.', 'We are ending this conversation.'),
    timeOutAudio: localizedText('audio/abuse/time-out-nl.wav', 'audio/abuse/time-out-fr.wav', 'audio/abuse/time-out-en.wav'),
  })
  .prefault({});

/**
 * One line's abuse policy. Every key has a default taken from how Dutch and Belgian contact
 * centres and helplines work: one warning for swearing, a time-out with a recorded message when it
 * goes on, end-and-escalate to Security on a threat, blocks that always expire.
 *
 * @example abusePolicySchema.parse({ swearing: { timeOutAt: 3 } }).block.prankHours // 24
 */
export const abusePolicySchema = z
  .object({
    minScore: z.number().min(0).max(1).default(0.5).describe('Classifier score below which a message is left alone.'),
    swearing: swearingRule,
    threat: threatRule,
    discrimination: discriminationRule,
    sexual: sexualRule,
    spam: spamRule,
    block: blockRule,
    specialCare: specialCareRule,
    prank: prankRule,
    messages,
  })
  .strict();

export type AbusePolicy = z.infer<typeof abusePolicySchema>;
export type AbusePolicyInput = z.input<typeof abusePolicySchema>;
