import { describe, expect, it } from 'vitest';
import type { Incident } from '../api/api-types.js';
import { dictionaries, type MessageKey } from '../i18n/dictionaries.js';
import { format } from '../i18n/format.js';
import { evidenceSummary, filterFromSearch, filterToSearch, followUpFormOf, incidentChange } from './review-format.js';

const t = (key: MessageKey, values?: Record<string, string | number>) => format(dictionaries.en[key], values);

const incident: Incident = {
  id: 'in_1',
  lineId: 'li_bank',
  conversationId: 'co_1',
  contactId: 'ct_1',
  agentId: 'us_thomas',
  kind: 'flagged',
  status: 'in_review',
  escalatedTo: 'special_care',
  evidence: { eventSeqs: [4, 5], reason: 'flagged by Thomas: dreigt' },
  actions: [],
  followUp: { agentCare: null, customerContacted: false, policeReport: false },
  createdAt: '2026-11-26T12:00:00.000Z',
  updatedAt: '2026-11-26T12:00:00.000Z',
};

describe('review filter in the address', () => {
  it('reads known values and ignores the rest', () => {
    expect(filterFromSearch('?status=open&team=special_care')).toEqual({ status: 'open', escalatedTo: 'special_care' });
    expect(filterFromSearch('?status=bogus&team=')).toEqual({ status: '', escalatedTo: '' });
  });
  it('writes only what is set', () => {
    expect(filterToSearch({ status: '', escalatedTo: 'security' })).toBe('?team=security');
    expect(filterToSearch({ status: '', escalatedTo: '' })).toBe('');
  });
});

describe('evidenceSummary', () => {
  it('joins reason, event count and detector verdict', () => {
    expect(evidenceSummary(incident, t)).toBe('flagged by Thomas: dreigt · 2 events');
    const detected = { ...incident, evidence: { ...incident.evidence, detector: { label: 'threat', score: 0.912, terms: [] } } };
    expect(evidenceSummary(detected, t)).toBe('flagged by Thomas: dreigt · 2 events · Detection: Threat (0.91)');
  });
});

describe('incidentChange', () => {
  it('is null when nothing changed', () => {
    expect(incidentChange(incident, followUpFormOf(incident))).toBeNull();
  });
  it('sends only the changed status and follow-up fields', () => {
    const form = { ...followUpFormOf(incident), status: 'closed' as const, policeReport: true };
    expect(incidentChange(incident, form)).toEqual({ status: 'closed', followUp: { policeReport: true } });
    expect(incidentChange(incident, { ...followUpFormOf(incident), agentCare: true })).toEqual({ followUp: { agentCare: { done: true } } });
  });
});
