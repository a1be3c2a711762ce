import type { Language } from '../../core/model/index.js';
import type { ProcedureStep, StoredArticle } from '../repositories/knowledge.repository.js';

/**
 * Knowledge articles of the demo tenant: Bank Zuid (NL/FR/EN, public and internal, with guided
 * procedures) and Kinderlijn (internal conversation guides). Everything is made up: the Zuid App,
 * the phone numbers and the procedures. Tags name the bot intent an article belongs to, so the
 * assist panel can follow what the customer bot recognised.
 */
export function demoKnowledgeArticles(tenantId: string, lines: { bank: string; kinderlijn: string }, now: number): StoredArticle[] {
  const article = (a: Omit<StoredArticle, 'tenantId' | 'version' | 'updatedAt' | 'steps' | 'warnings' | 'subtopicId' | 'tags'> & Partial<StoredArticle>): StoredArticle => ({
    tenantId, version: 1, updatedAt: now, steps: [], warnings: [], subtopicId: null, tags: [], ...a,
  });
  const bank = (id: string, language: Language, rest: Omit<Parameters<typeof article>[0], 'id' | 'language' | 'lineId'>) => article({ id: `kb_${id}_${language}`, language, lineId: lines.bank, ...rest });
  const kinderlijn = (id: string, rest: Omit<Parameters<typeof article>[0], 'id' | 'language' | 'lineId' | 'visibility'>) =>
    article({ id: `kb_${id}`, language: 'nl', lineId: lines.kinderlijn, visibility: 'internal', ...rest });
  return [
    ...(['nl', 'fr', 'en'] as const).map((l) => bank('kaart_blokkeren', l, { ...CARD_BLOCK[l], topicId: 'kaart', subtopicId: 'blokkeren', visibility: 'public', tags: ['kaart_blokkeren', 'procedure'] })),
    ...(['nl', 'fr', 'en'] as const).map((l) => bank('limiet_wijzigen', l, { ...LIMIT[l], topicId: 'kaart', subtopicId: 'limiet', visibility: 'public', tags: ['limiet_wijzigen'] })),
    ...(['nl', 'fr', 'en'] as const).map((l) => bank('ziekenhuisopname', l, { ...HOSPITAL[l], topicId: 'verzekering', visibility: 'public', tags: ['ziekenhuisopname', 'procedure'] })),
    ...(['nl', 'fr', 'en'] as const).map((l) => bank('app_inloggen', l, { ...APP_LOGIN[l], topicId: 'app', visibility: 'public', tags: ['app_inloggen'] })),
    ...(['nl', 'fr', 'en'] as const).map((l) => bank('fraude_signalen', l, { ...FRAUD[l], topicId: 'kaart', visibility: 'internal', tags: ['fraude', 'phishing'] })),
    kinderlijn('kl_pesten', { ...BULLYING, topicId: 'pesten', tags: ['gespreksleidraad'] }),
    kinderlijn('kl_scheiding', { ...DIVORCE, topicId: 'scheiding', tags: ['gespreksleidraad'] }),
    kinderlijn('kl_eenzaamheid', { ...LONELINESS, topicId: 'eenzaamheid', tags: ['gespreksleidraad'] }),
  ];
}

interface Content {
  title: string;
  body: string;
  steps?: ProcedureStep[];
  warnings?: string[];
}

const CARD_BLOCK: Record<Language, Content> = {
  nl: {
    title: 'Kaart blokkeren bij verlies of diefstal',
    body: 'Is de bankkaart verloren, gestolen of kwijt? Blokkeer ze meteen in de Zuid App (Kaarten > Blokkeren) of via de kaartstop van Bank Zuid, dag en nacht op 02 555 01 00. Een geblokkeerde kaart kan niet meer gedeblokkeerd worden; de nieuwe kaart komt binnen vijf werkdagen met dezelfde pincode.',
    steps: [
      { title: 'Open de Zuid App', body: 'Vraag de klant de Zuid App te openen en onderaan op Kaarten te tikken.', screen: 'Startscherm met onderaan de tabs Rekeningen, Kaarten en Verzekeringen.', tip: 'Kan de klant niet in de app? Blokkeer dan zelf via Kaartbeheer in je werkplek na de identificatievragen.' },
      { title: 'Kies de kaart en tik op Blokkeren', body: 'De klant kiest de verloren of gestolen kaart en tikt op de rode knop Kaart blokkeren, reden verlies of diefstal.', screen: 'Kaartdetail met het kaartnummer (laatste vier cijfers) en een rode knop Kaart blokkeren.' },
      { title: 'Bevestigen met de Zuid-code', body: 'De klant bevestigt met de eigen Zuid-code van vijf cijfers in de app.', screen: 'Venster Bevestig met je Zuid-code, met vijf lege vakjes.', warning: 'Vraag nooit naar de Zuid-code of de pincode: de klant typt die alleen zelf in de app.' },
      { title: 'Nieuwe kaart bestellen', body: 'Na de bevestiging tikt de klant op Nieuwe kaart bestellen en controleert het adres.', screen: 'Melding Je kaart is geblokkeerd, met de knop Nieuwe kaart bestellen.', tip: 'Bij diefstal: raad aan aangifte te doen bij de politie en het pv-nummer te bewaren voor de terugbetaling.' },
    ],
    warnings: ['Phishing: Bank Zuid belt, mailt of sms\'t nooit om een code, pincode of link. Heeft de klant een code doorgegeven of op een link geklikt, blokkeer dan ook de app-toegang en volg de fraudeprocedure.'],
  },
  fr: {
    title: 'Bloquer sa carte en cas de perte ou de vol',
    body: "Carte bancaire perdue ou volée ? Bloquez-la tout de suite dans la Zuid App (Cartes > Bloquer) ou via le service d'arrêt de Bank Zuid, jour et nuit au 02 555 01 00. Une carte bloquée ne peut plus être débloquée ; la nouvelle carte arrive sous cinq jours ouvrables avec le même code PIN.",
    steps: [
      { title: 'Ouvrir la Zuid App', body: 'Demandez au client d\'ouvrir la Zuid App et de toucher Cartes en bas de l\'écran.', screen: "Écran d'accueil avec les onglets Comptes, Cartes et Assurances.", tip: "Le client n'a pas accès à l'app ? Bloquez vous-même via Gestion des cartes après les questions d'identification." },
      { title: 'Choisir la carte et toucher Bloquer', body: 'Le client choisit la carte perdue ou volée et touche le bouton rouge Bloquer la carte.', screen: 'Détail de la carte avec les quatre derniers chiffres et un bouton rouge Bloquer la carte.' },
      { title: 'Confirmer avec le code Zuid', body: 'Le client confirme avec son propre code Zuid à cinq chiffres dans l\'app.', screen: 'Fenêtre Confirmez avec votre code Zuid, cinq cases vides.', warning: 'Ne demandez jamais le code Zuid ni le code PIN : le client le tape lui-même dans l\'app.' },
      { title: 'Commander une nouvelle carte', body: 'Après la confirmation, le client touche Commander une nouvelle carte et vérifie l\'adresse.', screen: 'Message Votre carte est bloquée, avec le bouton Commander une nouvelle carte.', tip: 'En cas de vol : conseillez de porter plainte à la police et de garder le numéro de PV.' },
    ],
    warnings: ["Hameçonnage : Bank Zuid n'appelle jamais et n'envoie jamais de SMS pour demander un code ou un lien. Si le client a donné un code, bloquez aussi l'accès à l'app et suivez la procédure fraude."],
  },
  en: {
    title: 'Blocking a lost or stolen card',
    body: 'Card lost or stolen? Block it right away in the Zuid App (Cards > Block) or through the Bank Zuid card stop, day and night, on 02 555 01 00. A blocked card cannot be unblocked; the new card arrives within five working days with the same PIN.',
    steps: [
      { title: 'Open the Zuid App', body: 'Ask the customer to open the Zuid App and tap Cards at the bottom.', screen: 'Home screen with the tabs Accounts, Cards and Insurance.', tip: 'Customer cannot get into the app? Block the card yourself in Card management after the identification questions.' },
      { title: 'Choose the card and tap Block', body: 'The customer picks the lost or stolen card and taps the red Block card button.', screen: 'Card detail with the last four digits and a red Block card button.' },
      { title: 'Confirm with the Zuid code', body: 'The customer confirms with their own five-digit Zuid code in the app.', screen: 'Dialog Confirm with your Zuid code, five empty boxes.', warning: 'Never ask for the Zuid code or the PIN: the customer types it into the app themselves.' },
      { title: 'Order a new card', body: 'After confirming, the customer taps Order a new card and checks the address.', screen: 'Message Your card is blocked, with the button Order a new card.', tip: 'After a theft: advise a police report and keep its reference for the refund.' },
    ],
    warnings: ['Phishing: Bank Zuid never calls, emails or texts to ask for a code, PIN or link. If the customer gave a code away, also block app access and follow the fraud procedure.'],
  },
};

const LIMIT: Record<Language, Content> = {
  nl: { title: 'Limiet van de bankkaart wijzigen', body: 'De klant wijzigt de bestedingslimiet zelf in de Zuid App onder Kaarten > Limieten. Een tijdelijke verhoging geldt zeven dagen. Boven 5.000 euro per week verhoogt een medewerker de limiet na een extra controle van de identiteit.' },
  fr: { title: 'Modifier la limite de la carte', body: 'Le client modifie sa limite de dépenses dans la Zuid App sous Cartes > Limites. Une hausse temporaire vaut sept jours. Au-delà de 5 000 euros par semaine, un conseiller augmente la limite après un contrôle d\'identité supplémentaire.' },
  en: { title: 'Changing the card limit', body: 'The customer changes the spending limit in the Zuid App under Cards > Limits. A temporary increase lasts seven days. Above 5,000 euros a week an agent raises the limit after an extra identity check.' },
};

const HOSPITAL: Record<Language, Content> = {
  nl: {
    title: 'Ziekenhuisopname melden (hospitalisatieverzekering)',
    body: 'Een geplande of onverwachte ziekenhuisopname meldt de klant in de Zuid App onder Verzekeringen > Hospitalisatie, liefst voor de opname. Met derdebetaler betaalt Bank Zuid Verzekeringen rechtstreeks aan het ziekenhuis.',
    steps: [
      { title: 'Opname melden in de app', body: 'De klant opent Verzekeringen > Hospitalisatie en tikt op Opname melden.', screen: 'Overzicht van de hospitalisatieverzekering met de knop Opname melden.' },
      { title: 'Gegevens van de opname', body: 'Ziekenhuis, datum van opname, reden (ongeval, ziekte, bevalling) en kamerkeuze invullen.', tip: 'Een eenpersoonskamer kan een supplement kosten; controleer de polis.' },
      { title: 'Derdebetaler aanvinken', body: 'Vink Rechtstreeks betalen aan het ziekenhuis aan; de klant krijgt een bevestiging voor de opnamedienst.', screen: 'Bevestiging met een dossiernummer en een pdf voor het ziekenhuis.' },
      { title: 'Facturen na het ontslag', body: 'Facturen die het ziekenhuis niet rechtstreeks stuurt, laadt de klant op in het dossier binnen 90 dagen.', warning: 'Vraag geen medische details die niet nodig zijn; de reden van opname volstaat.' },
    ],
  },
  fr: {
    title: 'Déclarer une hospitalisation (assurance hospitalisation)',
    body: "Le client déclare une hospitalisation prévue ou imprévue dans la Zuid App sous Assurances > Hospitalisation, de préférence avant l'admission. Avec le tiers payant, Bank Zuid Assurances paie directement l'hôpital.",
    steps: [
      { title: "Déclarer dans l'app", body: 'Le client ouvre Assurances > Hospitalisation et touche Déclarer une admission.', screen: "Vue de l'assurance hospitalisation avec le bouton Déclarer une admission." },
      { title: "Données de l'admission", body: "Hôpital, date d'admission, motif (accident, maladie, accouchement) et choix de chambre.", tip: 'Une chambre individuelle peut coûter un supplément ; vérifiez la police.' },
      { title: 'Cocher le tiers payant', body: "Cochez Payer directement l'hôpital ; le client reçoit une confirmation pour le service des admissions.", screen: "Confirmation avec un numéro de dossier et un PDF pour l'hôpital." },
      { title: 'Factures après la sortie', body: 'Les factures non envoyées directement sont chargées dans le dossier dans les 90 jours.', warning: "Ne demandez pas de détails médicaux inutiles ; le motif de l'admission suffit." },
    ],
  },
  en: {
    title: 'Reporting a hospital stay (hospital insurance)',
    body: 'The customer reports a planned or unplanned hospital stay in the Zuid App under Insurance > Hospital, preferably before admission. With direct billing Bank Zuid Insurance pays the hospital itself.',
    steps: [
      { title: 'Report it in the app', body: 'The customer opens Insurance > Hospital and taps Report an admission.', screen: 'Hospital insurance overview with the button Report an admission.' },
      { title: 'Admission details', body: 'Hospital, admission date, reason (accident, illness, birth) and room choice.', tip: 'A single room may cost extra; check the policy.' },
      { title: 'Tick direct billing', body: 'Tick Pay the hospital directly; the customer gets a confirmation for the admissions desk.', screen: 'Confirmation with a file number and a PDF for the hospital.' },
      { title: 'Invoices after discharge', body: 'Invoices the hospital does not send directly are uploaded to the file within 90 days.', warning: 'Do not ask for medical details that are not needed; the reason for admission is enough.' },
    ],
  },
};

const APP_LOGIN: Record<Language, Content> = {
  nl: { title: 'Inloggen in de Zuid App lukt niet', body: 'Laat de klant de nieuwste versie van de Zuid App installeren en opnieuw aanmelden met de kaartlezer. Na drie foute pogingen is de app een uur vergrendeld. Een nieuw toestel koppelen gaat via Instellingen > Toestellen met de kaartlezer.' },
  fr: { title: "Connexion impossible à la Zuid App", body: "Faites installer la dernière version de la Zuid App et se reconnecter avec le lecteur de carte. Après trois essais erronés, l'app est verrouillée une heure. Un nouvel appareil se lie via Paramètres > Appareils avec le lecteur de carte." },
  en: { title: 'Cannot log in to the Zuid App', body: 'Have the customer install the latest Zuid App and sign in again with the card reader. After three wrong attempts the app locks for an hour. A new phone is linked under Settings > Devices with the card reader.' },
};

const FRAUD: Record<Language, Content> = {
  nl: {
    title: 'Fraude-signalen herkennen (intern)',
    body: 'Signalen van phishing of spoofing: iemand belde namens de bank of de politie, de klant gaf een code of pincode door, klikte op een link in een sms of mail, installeerde een app op vraag van een beller, of moest geld naar een veilige rekening overschrijven. Blokkeer kaart en app-toegang, noteer tijdstip en nummer van de beller en verwijs naar de fraudedienst.',
    warnings: ['Bank Zuid vraagt nooit een code, pincode of overschrijving naar een veilige rekening.', 'Laat de klant ophangen bij een beller die zich voordoet als de bank, en zelf terugbellen op het nummer op de kaart.'],
  },
  fr: {
    title: 'Reconnaître les signaux de fraude (interne)',
    body: "Signaux d'hameçonnage ou d'usurpation : quelqu'un a appelé au nom de la banque ou de la police, le client a donné un code ou son PIN, a cliqué sur un lien dans un SMS ou un e-mail, a installé une app à la demande d'un appelant, ou devait virer de l'argent vers un compte sûr. Bloquez carte et accès à l'app, notez l'heure et le numéro de l'appelant et renvoyez vers le service fraude.",
    warnings: ['Bank Zuid ne demande jamais de code, de PIN ni de virement vers un compte sûr.', "Faites raccrocher le client et rappeler lui-même le numéro au dos de la carte."],
  },
  en: {
    title: 'Recognising fraud signals (internal)',
    body: 'Signs of phishing or spoofing: someone called on behalf of the bank or the police, the customer gave away a code or PIN, clicked a link in a text or email, installed an app a caller asked for, or was told to move money to a safe account. Block the card and app access, note the time and number of the caller and refer to the fraud desk.',
    warnings: ['Bank Zuid never asks for a code, a PIN or a transfer to a safe account.', 'Have the customer hang up on a caller posing as the bank and call back on the number on the card.'],
  },
};

const BULLYING: Content = {
  title: 'Gespreksleidraad pesten',
  body: 'Een kind dat gepest wordt, op school of online, schaamt zich vaak. Erken de moed om te bellen of te chatten, vraag wat er gebeurt en wie het weet, en zoek samen een volwassene die kan helpen. Bij online pesten: bewijs bewaren (schermafbeeldingen), blokkeren en melden.',
  steps: [
    { title: 'Contact maken', body: 'Bedank het kind voor het chatten; zeg dat het anoniem is en dat het zelf bepaalt wat het vertelt.' },
    { title: 'Situatie verkennen', body: 'Wat gebeurt er, hoe lang al, waar (school, online), wie weet ervan?', tip: 'Vraag naar één concreet voorval; dat maakt het gesprek minder groot.' },
    { title: 'Doel bepalen', body: 'Wat wil het kind dat er verandert? Met wie zou het erover kunnen praten?' },
    { title: 'Doel uitwerken en afsluiten', body: 'Oefen samen wat het tegen een leerkracht of ouder kan zeggen; vertel dat het altijd terug mag komen.', warning: 'Denkt het kind aan zichzelf iets aan te doen? Volg dan meteen het protocol veiligheid en overleg met je teamleider.' },
  ],
};

const DIVORCE: Content = {
  title: 'Gespreksleidraad scheiding',
  body: 'Bij een scheiding voelen kinderen zich vaak schuldig of klem tussen twee ouders. Zeg dat het niet hun schuld is, vraag hoe het thuis gaat en bij wie ze terecht kunnen. Verwijs met toestemming naar een praatgroep voor kinderen van gescheiden ouders.',
  steps: [
    { title: 'Contact maken', body: 'Laat het kind vertellen in eigen woorden; oordeel niet over de ouders.' },
    { title: 'Situatie verkennen', body: 'Wat is er veranderd? Waar woont het kind, hoe gaan de wissels?', tip: 'Kinderen zeggen vaak eerst dat het goed gaat; vraag naar een moeilijk moment.' },
    { title: 'Doel bepalen en afsluiten', body: 'Wat zou helpen: het vertellen aan een ouder, een vertrouwenspersoon op school, een praatgroep?', warning: 'Hoort het kind ruzies met geweld? Vraag door en volg het protocol mishandeling.' },
  ],
};

const LONELINESS: Content = {
  title: 'Gespreksleidraad eenzaamheid',
  body: 'Eenzaamheid is het gevoel er niet bij te horen, ook met mensen om je heen. Neem het gevoel serieus, vraag wat het kind graag doet en met wie het ooit wel contact had, en zoek een kleine eerste stap.',
  steps: [
    { title: 'Contact maken', body: 'Zeg dat veel kinderen zich soms alleen voelen en dat het goed is dat het dit vertelt.' },
    { title: 'Situatie verkennen', body: 'Sinds wanneer voelt het zo? Op school, thuis, online?' },
    { title: 'Een kleine stap', body: 'Kies samen één haalbare stap: een club, een klasgenoot aanspreken, een hobby.', tip: 'Vraag het kind terug te komen om te vertellen hoe het ging.' },
  ],
};
