import type { BotIntent, LineBot } from '../../core/model/index.js';

/**
 * The customer bot of the fictional Bank Zuid: eight everyday questions in NL, FR and EN.
 * Phone numbers and app names are made up.
 */
export function demoBankBot(enabled: boolean): LineBot {
  return {
    enabled,
    name: 'Zuid assistent',
    greeting: {
      nl: 'Hallo, ik ben de digitale assistent van Bank Zuid. Waarmee kan ik je helpen? Vraag gerust naar een medewerker als je liever met iemand praat.',
      fr: "Bonjour, je suis l'assistant numérique de Bank Zuid. Comment puis-je vous aider ? Demandez un conseiller si vous préférez parler à quelqu'un.",
      en: "Hello, I am Bank Zuid's digital assistant. How can I help? Ask for an agent if you would rather talk to a person.",
    },
    answerThreshold: 0.6,
    clarifyMargin: 0.15,
    maxBotTurns: 4,
    intents: INTENTS,
  };
}

const INTENTS: BotIntent[] = [
  {
    id: 'kaart_blokkeren',
    label: { nl: 'Kaart blokkeren', fr: 'Bloquer ma carte', en: 'Block my card' },
    examples: {
      nl: ['Mijn kaart is gestolen', 'Ik ben mijn bankkaart kwijt', 'Hoe blokkeer ik mijn kaart?', 'Kaart verloren, wat moet ik doen?', 'Iemand heeft mijn portefeuille met mijn bankkaart gepikt', 'Ik wil mijn kaart laten blokkeren', 'Mijn betaalkaart is weg', 'Kaart blokkeren'],
      fr: ['On a volé ma carte', "J'ai perdu ma carte bancaire", 'Comment bloquer ma carte ?', 'Carte perdue, que faire ?', 'Mon portefeuille avec ma carte a été volé', 'Je veux faire bloquer ma carte', 'Ma carte de débit a disparu', 'Bloquer ma carte'],
      en: ['My card was stolen', 'I lost my bank card', 'How do I block my card?', 'Card lost, what should I do?', 'Someone took my wallet with my card', 'I want to block my card', 'My debit card is gone', 'Block my card'],
    },
    answer: {
      nl: 'Blokkeer je kaart meteen in de Zuid App (Kaarten > Blokkeren) of bel dag en nacht de kaartstop van Bank Zuid op 02 555 01 00. Een nieuwe kaart komt binnen vijf werkdagen.',
      fr: "Bloquez votre carte tout de suite dans la Zuid App (Cartes > Bloquer) ou appelez jour et nuit le service d'arrêt de Bank Zuid au 02 555 01 00. Une nouvelle carte arrive sous cinq jours ouvrables.",
      en: 'Block your card right away in the Zuid App (Cards > Block) or call the Bank Zuid card stop, day and night, on 02 555 01 00. A new card arrives within five working days.',
    },
  },
  {
    id: 'limiet_wijzigen',
    label: { nl: 'Limiet wijzigen', fr: 'Modifier ma limite', en: 'Change my limit' },
    examples: {
      nl: ['Hoe verhoog ik mijn limiet?', 'Ik wil een hogere bestedingslimiet', 'Kan mijn kaartlimiet omhoog?', 'Limiet aanpassen', 'Mijn dagelijkse limiet is te laag', 'Ik wil mijn limiet tijdelijk verhogen voor een aankoop', 'Betaallimiet wijzigen', 'Limiet wijzigen'],
      fr: ['Comment augmenter ma limite ?', 'Je veux un plafond plus élevé', 'Puis-je relever la limite de ma carte ?', 'Changer ma limite de dépenses', 'Ma limite journalière est trop basse', 'Augmenter temporairement mon plafond pour un achat', 'Modifier le plafond de paiement', 'Modifier ma limite'],
      en: ['How do I raise my limit?', 'I want a higher spending limit', 'Can my card limit go up?', 'Change my limit', 'My daily limit is too low', 'Temporarily increase my limit for a purchase', 'Adjust my payment limit', 'Change my spending limit'],
    },
    answer: {
      nl: 'Je wijzigt je limiet zelf in de Zuid App onder Kaarten > Limieten; een tijdelijke verhoging geldt zeven dagen. Voor meer dan 5.000 euro per week helpt een medewerker je.',
      fr: "Vous modifiez votre limite vous-même dans la Zuid App sous Cartes > Limites ; une hausse temporaire vaut sept jours. Au-delà de 5 000 euros par semaine, un conseiller vous aide.",
      en: 'You change your limit yourself in the Zuid App under Cards > Limits; a temporary increase lasts seven days. For more than 5,000 euros a week an agent will help you.',
    },
  },
  {
    id: 'app_inloggen',
    label: { nl: 'Inloggen in de app', fr: "Connexion à l'app", en: 'Logging in to the app' },
    examples: {
      nl: ['Ik kan niet inloggen in de app', 'De app werkt niet meer', 'Inloggen lukt niet', 'De app geeft een foutmelding bij het aanmelden', 'Ik raak niet in online bankieren', 'Mijn app is geblokkeerd', 'Aanmelden in de Zuid App mislukt', 'App inloggen lukt niet'],
      fr: ["Je n'arrive pas à me connecter à l'application", "L'application ne marche plus", 'Connexion impossible', "L'appli affiche une erreur à la connexion", "Je n'accède plus à la banque en ligne", 'Mon application est bloquée', 'La connexion à la Zuid App échoue', "Problème de connexion à l'app"],
      en: ['I cannot log in to the app', 'The app stopped working', 'Login fails', 'The app shows an error when I sign in', 'I cannot get into online banking', 'My app is locked', 'Signing in to the Zuid App fails', 'App login does not work'],
    },
    answer: {
      nl: 'Installeer de nieuwste versie van de Zuid App en meld je opnieuw aan met je kaartlezer. Na drie foute pogingen is de app een uur vergrendeld. Lukt het daarna nog niet, dan helpt een medewerker je.',
      fr: "Installez la dernière version de la Zuid App et reconnectez-vous avec votre lecteur de carte. Après trois essais erronés, l'app est verrouillée une heure. Si cela ne marche toujours pas, un conseiller vous aide.",
      en: 'Install the latest version of the Zuid App and sign in again with your card reader. After three wrong attempts the app locks for an hour. If it still fails after that, an agent will help you.',
    },
  },
  {
    id: 'ziekenhuisopname',
    label: { nl: 'Ziekenhuisopname melden', fr: 'Déclarer une hospitalisation', en: 'Report a hospital stay' },
    examples: {
      nl: ['Ik moet een ziekenhuisopname melden', 'Mijn man wordt volgende week opgenomen in het ziekenhuis', 'Hoe geef ik een hospitalisatie door aan mijn verzekering?', 'Ik lig in het ziekenhuis, wat moet ik doen voor de hospitalisatieverzekering?', 'Opname in het ziekenhuis aangeven', 'Dekt mijn verzekering een ziekenhuisopname?', 'Mijn dochter is geopereerd en moet blijven', 'Ziekenhuisopname melden'],
      fr: ['Je dois déclarer une hospitalisation', "Mon mari sera hospitalisé la semaine prochaine", "Comment déclarer une hospitalisation à mon assurance ?", "Je suis à l'hôpital, que faire pour l'assurance hospitalisation ?", "Signaler une admission à l'hôpital", 'Mon assurance couvre-t-elle une hospitalisation ?', 'Ma fille a été opérée et doit rester', 'Déclarer une hospitalisation'],
      en: ['I need to report a hospital admission', 'My husband goes into hospital next week', 'How do I report a hospital stay to my insurance?', 'I am in hospital, what do I do for the hospital insurance?', 'Notify an admission to hospital', 'Does my insurance cover a hospital stay?', 'My daughter had surgery and has to stay in', 'Report a hospital stay'],
    },
    answer: {
      nl: 'Meld de opname in de Zuid App onder Verzekeringen > Hospitalisatie, liefst voor de opname. Bewaar de facturen van het ziekenhuis; wij betalen rechtstreeks aan het ziekenhuis als je dat aanvinkt.',
      fr: "Déclarez l'hospitalisation dans la Zuid App sous Assurances > Hospitalisation, de préférence avant l'admission. Gardez les factures ; nous payons directement l'hôpital si vous le cochez.",
      en: 'Report the stay in the Zuid App under Insurance > Hospital, preferably before admission. Keep the hospital invoices; we pay the hospital directly if you tick that box.',
    },
  },
  {
    id: 'openingsuren',
    label: { nl: 'Openingsuren', fr: "Heures d'ouverture", en: 'Opening hours' },
    examples: {
      nl: ['Wat zijn jullie openingsuren?', 'Wanneer is het kantoor open?', 'Zijn jullie zaterdag open?', 'Tot hoe laat kan ik bellen?', 'Openingstijden van de klantendienst', 'Is het kantoor vandaag open?', 'Hoe laat gaan jullie open?', 'Openingsuren'],
      fr: ["Quelles sont vos heures d'ouverture ?", "Quand l'agence est-elle ouverte ?", 'Êtes-vous ouverts le samedi ?', "Jusqu'à quelle heure puis-je appeler ?", "Horaires du service clientèle", "L'agence est-elle ouverte aujourd'hui ?", 'À quelle heure ouvrez-vous ?', "Heures d'ouverture"],
      en: ['What are your opening hours?', 'When is the office open?', 'Are you open on Saturday?', 'Until what time can I call?', 'Customer service hours', 'Is the branch open today?', 'What time do you open?', 'Opening hours'],
    },
    answer: {
      nl: 'De klantendienst is bereikbaar op werkdagen van 8 tot 20 uur en op zaterdag van 9 tot 13 uur. Kantoren werken op afspraak; kaartstop en de app zijn er dag en nacht.',
      fr: "Le service clientèle est joignable en semaine de 8 h à 20 h et le samedi de 9 h à 13 h. Les agences reçoivent sur rendez-vous ; l'arrêt de carte et l'app sont disponibles jour et nuit.",
      en: 'Customer service is open on weekdays from 8 am to 8 pm and on Saturday from 9 am to 1 pm. Branches work by appointment; card stop and the app are there day and night.',
    },
  },
  {
    id: 'adres_wijzigen',
    label: { nl: 'Adres wijzigen', fr: "Changer d'adresse", en: 'Change my address' },
    examples: {
      nl: ['Ik ben verhuisd', 'Hoe wijzig ik mijn adres?', 'Nieuw adres doorgeven', 'Ik ga verhuizen, moet ik iets doen?', 'Mijn adres is veranderd', 'Waar pas ik mijn adresgegevens aan?', 'Adreswijziging', 'Adres wijzigen'],
      fr: ["J'ai déménagé", 'Comment changer mon adresse ?', 'Communiquer ma nouvelle adresse', 'Je vais déménager, dois-je faire quelque chose ?', 'Mon adresse a changé', 'Où modifier mes coordonnées ?', "Changement d'adresse", "Changer d'adresse"],
      en: ['I have moved house', 'How do I change my address?', 'Give you my new address', 'I am moving, do I need to do anything?', 'My address has changed', 'Where do I update my address details?', 'Change of address', 'Change my address'],
    },
    answer: {
      nl: 'Je adres wijzig je in de Zuid App onder Profiel > Adres. Na een verhuizing binnen België nemen we je nieuwe adres ook automatisch over uit het rijksregister.',
      fr: "Vous changez votre adresse dans la Zuid App sous Profil > Adresse. Après un déménagement en Belgique, nous reprenons aussi automatiquement la nouvelle adresse du registre national.",
      en: 'You change your address in the Zuid App under Profile > Address. After a move within Belgium we also take your new address from the national register automatically.',
    },
  },
  {
    id: 'pincode_vergeten',
    label: { nl: 'Pincode vergeten', fr: 'Code PIN oublié', en: 'Forgotten PIN' },
    examples: {
      nl: ['Ik ben mijn pincode vergeten', 'Hoe krijg ik een nieuwe pincode?', 'Mijn pin werkt niet meer', 'Drie keer een verkeerde pincode ingetikt', 'Pincode opnieuw aanvragen', 'Ik weet mijn geheime code niet meer', 'Kan ik mijn pincode wijzigen?', 'Pincode vergeten'],
      fr: ["J'ai oublié mon code PIN", 'Comment obtenir un nouveau code PIN ?', 'Mon code ne fonctionne plus', "J'ai tapé trois fois un mauvais code", 'Redemander mon code PIN', 'Je ne connais plus mon code secret', 'Puis-je changer mon code PIN ?', 'Code PIN oublié'],
      en: ['I forgot my PIN', 'How do I get a new PIN?', 'My PIN does not work anymore', 'I entered a wrong PIN three times', 'Request my PIN again', 'I no longer know my secret code', 'Can I change my PIN?', 'Forgotten PIN'],
    },
    answer: {
      nl: 'Vraag een nieuwe pincode aan in de Zuid App onder Kaarten > Pincode; die komt binnen drie werkdagen per post. Na drie foute pogingen deblokkeert een geldautomaat van Bank Zuid je kaart met de nieuwe code.',
      fr: "Demandez un nouveau code PIN dans la Zuid App sous Cartes > Code PIN ; il arrive par la poste sous trois jours ouvrables. Après trois essais erronés, un distributeur de Bank Zuid débloque la carte avec le nouveau code.",
      en: 'Request a new PIN in the Zuid App under Cards > PIN; it arrives by post within three working days. After three wrong attempts a Bank Zuid cash machine unblocks the card with the new PIN.',
    },
  },
  {
    id: 'overschrijving_terugdraaien',
    label: { nl: 'Overschrijving terugdraaien', fr: 'Annuler un virement', en: 'Cancel a transfer' },
    examples: {
      nl: ['Ik heb geld naar de verkeerde rekening overgeschreven', 'Kan ik een overschrijving annuleren?', 'Overschrijving terugdraaien', 'Verkeerd rekeningnummer ingevuld bij een betaling', 'Hoe stop ik een geplande overschrijving?', 'Ik heb twee keer hetzelfde bedrag betaald', 'Betaling terugvorderen', 'Overschrijving ongedaan maken'],
      fr: ["J'ai viré de l'argent sur le mauvais compte", 'Puis-je annuler un virement ?', 'Annuler un virement', 'Mauvais numéro de compte saisi pour un paiement', 'Comment arrêter un virement programmé ?', "J'ai payé deux fois le même montant", 'Récupérer un paiement', 'Annuler mon virement'],
      en: ['I sent money to the wrong account', 'Can I cancel a transfer?', 'Cancel a transfer', 'Wrong account number entered for a payment', 'How do I stop a scheduled transfer?', 'I paid the same amount twice', 'Get a payment back', 'Reverse my transfer'],
    },
    answer: {
      nl: 'Een geplande overschrijving annuleer je in de Zuid App onder Betalingen > Gepland. Een uitgevoerde betaling kunnen we niet zelf terugdraaien, maar we vragen de ontvangende bank om het geld terug te storten.',
      fr: "Un virement programmé s'annule dans la Zuid App sous Paiements > Programmés. Un paiement exécuté ne peut pas être annulé par nous, mais nous demandons à la banque du bénéficiaire de reverser l'argent.",
      en: 'You cancel a scheduled transfer in the Zuid App under Payments > Scheduled. We cannot undo an executed payment ourselves, but we ask the receiving bank to send the money back.',
    },
  },
];
