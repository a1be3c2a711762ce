import { randomBytes } from 'node:crypto';
import type { Agent, Line, Queue, Role, Topic } from '../../core/model/index.js';
import { DEFAULT_CAPACITY, DEFAULT_PHASES } from '../../core/model/index.js';
import { hashPassword } from '../../app/auth/password.js';
import type { Db } from '../open-database.js';
import { createRepositories } from '../repositories.js';
import { demoBankBot } from './demo-bank-bot.seed.js';
import { demoKnowledgeArticles } from './demo-knowledge.seed.js';
import { demoIvrFlows } from './demo-ivr.seed.js';
import { seedDemoQuality } from './demo-quality.seed.js';

export interface DemoLogin {
  role: string;
  email: string;
  password: string;
}

export const DEMO_TENANT_ID = 'tn_contactpunt';
export const DEMO_PASSWORD = 'centraal-demo';
export const DEMO_LINES = { kinderlijn: 'ln_kinderlijn', bank: 'ln_bankzuid', energie: 'ln_energienoord' } as const;

const topic = (id: string, nl: string, fr?: string, en?: string, subtopics: Array<[string, string]> = []): Topic => ({
  id,
  label: { nl, ...(fr ? { fr } : {}), ...(en ? { en } : {}) },
  subtopics: subtopics.map(([sid, label]) => ({ id: sid, label: { nl: label } })),
});

const weekdays = (open: string, close: string) => [1, 2, 3, 4, 5].map((day) => ({ day, open, close }));

function demoLines(customerBot: boolean): Line[] {
  const base = { tenantId: DEMO_TENANT_ID, phases: DEFAULT_PHASES, topicQueues: {}, contextSecret: null, hideAgentHandleTime: false };
  return [
    {
      ...base,
      id: DEMO_LINES.kinderlijn,
      clientId: 'cl_kinderlijn',
      name: 'Kinderlijn',
      channels: ['voice', 'chat'],
      languages: ['nl'],
      anonymous: true,
      hideAgentHandleTime: true,
      openingHours: null,
      taxonomy: [
        topic('pesten', 'Pesten', undefined, 'Bullying', [['online', 'Online pesten'], ['school', 'Op school']]),
        topic('relaties', 'Relaties', undefined, 'Relationships'),
        topic('seksualiteit', 'Seksualiteit', undefined, 'Sexuality'),
        topic('thuis', 'Thuis en familie', undefined, 'Home and family'),
        topic('mishandeling', 'Mishandeling', undefined, 'Abuse'),
        topic('lichaam', 'Lichaam', undefined, 'Body'),
        topic('scheiding', 'Scheiding', undefined, 'Divorce'),
        topic('eenzaamheid', 'Eenzaamheid', undefined, 'Loneliness'),
      ],
      wrapUpCodes: [
        { id: 'gesprek', label: { nl: 'Gesprek gevoerd', en: 'Talked it through' } },
        { id: 'doorverwezen', label: { nl: 'Doorverwezen (met toestemming)', en: 'Referred (with consent)' } },
        { id: 'test', label: { nl: 'Testgesprek / grap', en: 'Test or prank' } },
      ],
      defaultQueueId: 'qu_kinderlijn',
    },
    {
      ...base,
      id: DEMO_LINES.bank,
      clientId: 'cl_bankzuid',
      name: 'Bank Zuid klantendienst',
      channels: ['chat', 'voice', 'whatsapp', 'email'],
      languages: ['nl', 'fr', 'en'],
      anonymous: false,
      contextSecret: 'demo-bank-context-secret',
      openingHours: null,
      taxonomy: [
        topic('kaart', 'Bankkaart en limieten', 'Carte bancaire et limites', 'Bank card and limits', [['blokkeren', 'Kaart blokkeren'], ['limiet', 'Limiet wijzigen']]),
        topic('verzekering', 'Verzekering en ziekenhuisopname', 'Assurance et hospitalisation', 'Insurance and hospital admission'),
        topic('app', 'App en online bankieren', 'App et banque en ligne', 'App and online banking'),
        topic('nalatenschap', 'Nalatenschap', 'Succession', 'Inheritance'),
        topic('beleggen', 'Beleggen', 'Investir', 'Investing'),
      ],
      wrapUpCodes: [
        { id: 'opgelost', label: { nl: 'Opgelost', fr: 'Résolu', en: 'Resolved' } },
        { id: 'terugbellen', label: { nl: 'Terugbellen', fr: 'Rappeler', en: 'Call back' } },
        { id: 'klacht', label: { nl: 'Klacht', fr: 'Plainte', en: 'Complaint' } },
      ],
      topicQueues: { kaart: 'qu_bank_kaart' },
      defaultQueueId: 'qu_bank',
      bot: demoBankBot(customerBot),
      email: {
        address: 'klantendienst@bankzuid.example',
        displayName: 'Bank Zuid klantendienst',
        signature: { nl: 'Met vriendelijke groet,\nBank Zuid klantendienst', fr: 'Cordialement,\nService clientèle Bank Zuid', en: 'Kind regards,\nBank Zuid customer service' },
      },
      whatsapp: {
        phoneNumberId: '100200300400500',
        displayPhoneNumber: '+32 470 00 00 00',
        templates: [
          { name: 'vraag_opvolging', language: 'nl', body: 'Hallo, we komen terug op uw vraag over {{1}}. Wilt u hier antwoorden om verder te gaan?' },
          { name: 'vraag_opvolging', language: 'fr', body: 'Bonjour, nous revenons vers vous concernant {{1}}. Répondez ici pour continuer.' },
          { name: 'vraag_opvolging', language: 'en', body: 'Hello, we are following up on your question about {{1}}. Reply here to continue.' },
        ],
      },
    },
    {
      ...base,
      id: DEMO_LINES.energie,
      clientId: 'cl_energienoord',
      name: 'Energie Noord',
      channels: ['voice', 'email', 'chat'],
      languages: ['nl', 'fr'],
      anonymous: false,
      openingHours: { timeZone: 'Europe/Brussels', slots: weekdays('08:00', '20:00'), closedDates: [] },
      taxonomy: [topic('factuur', 'Factuur', 'Facture'), topic('meterstand', 'Meterstand', 'Relevé de compteur'), topic('verhuizing', 'Verhuizing', 'Déménagement'), topic('betalingsplan', 'Betalingsplan', 'Plan de paiement')],
      wrapUpCodes: [{ id: 'opgelost', label: { nl: 'Opgelost', fr: 'Résolu' } }, { id: 'doorgestuurd', label: { nl: 'Doorgestuurd', fr: 'Transféré' } }],
      defaultQueueId: 'qu_energie',
      email: {
        address: 'klantenservice@energienoord.example',
        displayName: 'Energie Noord klantenservice',
        signature: { nl: 'Met vriendelijke groet,\nEnergie Noord klantenservice', fr: 'Cordialement,\nService clients Energie Noord' },
      },
    },
  ];
}

function demoQueues(): Queue[] {
  const q = (id: string, lineId: string, name: string, skills: string[], extra: Partial<Queue> = {}): Queue => ({
    id, tenantId: DEMO_TENANT_ID, lineId, name, skills, priority: 0, serviceLevelSeconds: 20, serviceLevelPercent: 80, overflow: null, ...extra,
  });
  return [
    q('qu_kinderlijn', DEMO_LINES.kinderlijn, 'Kinderlijn chat', ['line:kinderlijn'], { serviceLevelSeconds: 60 }),
    q('qu_bank', DEMO_LINES.bank, 'Bank Zuid algemeen', ['line:bank']),
    q('qu_bank_kaart', DEMO_LINES.bank, 'Bank Zuid kaarten', ['line:bank', 'topic:kaart'], { priority: 1, overflow: { afterSeconds: 60, toQueueId: 'qu_bank' } }),
    q('qu_energie', DEMO_LINES.energie, 'Energie Noord', ['line:energie']),
  ];
}

type DemoPerson = [id: string, name: string, email: string, roles: Role[], skills: string[], queues: string[]];

const DEMO_PEOPLE: DemoPerson[] = [
  ['us_sofie', 'Sofie Peeters', 'sofie', ['agent'], ['lang:nl', 'line:kinderlijn'], ['qu_kinderlijn']],
  ['us_emma', 'Emma de Vries', 'emma', ['agent'], ['lang:nl', 'line:kinderlijn', 'line:energie'], ['qu_kinderlijn', 'qu_energie']],
  ['us_thomas', 'Thomas Janssens', 'thomas', ['agent'], ['lang:nl', 'lang:en', 'line:bank', 'topic:kaart'], ['qu_bank', 'qu_bank_kaart']],
  ['us_camille', 'Camille Dubois', 'camille', ['agent'], ['lang:fr', 'lang:nl', 'line:bank', 'line:energie'], ['qu_bank', 'qu_energie']],
  ['us_lucas', 'Lucas Martin', 'lucas', ['agent'], ['lang:fr', 'lang:en', 'line:bank', 'topic:kaart'], ['qu_bank', 'qu_bank_kaart']],
  ['us_marleen', 'Marleen Wouters', 'marleen', ['supervisor', 'agent'], ['lang:nl', 'lang:fr', 'line:kinderlijn', 'line:bank'], ['qu_kinderlijn', 'qu_bank']],
  ['us_ines', 'Ines Claes', 'ines', ['content_manager'], ['lang:nl'], []],
  ['us_karim', 'Karim Aydin', 'karim', ['security', 'special_care'], ['lang:nl', 'lang:fr'], []],
  ['us_directie', 'Anne Directeur', 'directie', ['executive', 'agent'], ['lang:nl', 'line:bank'], ['qu_bank']],
  ['us_beheer', 'Beheerder', 'beheer', ['admin'], ['lang:nl'], []],
];

export interface DemoSeedOptions {
  /** Bank Zuid's customer bot is always configured; this switches it on (off: chats queue at once). */
  customerBot?: boolean;
}

/** Creates the fictional outsourcer "Contactpunt" once; returns the demo logins every time. */
export async function seedDemoTenant(db: Db, now = Date.now(), options: DemoSeedOptions = {}): Promise<DemoLogin[]> {
  const lines = demoLines(options.customerBot ?? false);
  const repos = createRepositories(db);
  const logins = DEMO_PEOPLE.map(([, , email, roles]) => ({ role: roles.join('+'), email: `${email}@contactpunt.example`, password: DEMO_PASSWORD }));
  if (await repos.tenants.get(DEMO_TENANT_ID)) return logins;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.kysely.transaction().execute(async (trx) => {
    const tx = repos.withTransaction(trx);
    await tx.tenants.insert({ id: DEMO_TENANT_ID, name: 'Contactpunt', secret: randomBytes(32).toString('base64url') }, now);
    for (const line of lines) await tx.tenants.insertClient({ id: line.clientId, tenantId: DEMO_TENANT_ID, name: line.name });
    for (const line of lines) await tx.lines.insertLine(line);
    for (const queue of demoQueues()) await tx.lines.insertQueue(queue);
    for (const [id, name, email, roles, skills, queueIds] of DEMO_PEOPLE) {
      const agent: Agent = { id, tenantId: DEMO_TENANT_ID, email: `${email}@contactpunt.example`, name, roles, skills, queueIds, capacity: DEFAULT_CAPACITY, team: 'Team A', status: 'offline', uiLanguage: skills.includes('lang:fr') && !skills.includes('lang:nl') ? 'fr' : 'nl' };
      await tx.users.insert(agent, passwordHash, now);
    }
    for (const article of demoKnowledgeArticles(DEMO_TENANT_ID, DEMO_LINES, now)) await tx.knowledge.save(article);
    for (const { lineId, flow } of demoIvrFlows(DEMO_LINES)) await tx.voice.saveFlow({ lineId, tenantId: DEMO_TENANT_ID, flow, updatedBy: null, updatedAt: now });
    await seedDemoQuality(tx, DEMO_TENANT_ID, now);
  });
  return logins;
}
