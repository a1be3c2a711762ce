import type { LanguageLexicon, LexiconTerm, PatternRule } from './lexicon.types.js';

/**
 * English. Curated on top of the LDNOOBW `en` list and the `obscenity` English data set. The
 * LDNOOBW list was built to keep porn out of image search, so it holds clinical and disclosure
 * words ("penis", "rape", "incest", "sex") that a youth helpline must hear: `baseExclusions`.
 */
const terms: LexiconTerm[] = [
  { term: 'fuck', category: 'swearing', severity: 0.7, role: 'expletive', compound: 'both', variants: ['fck', 'fuk', 'fuq', 'fuc', 'phuck', 'fcuk', 'fucc', 'fking', 'fkn', 'fcking', 'fuckin', 'fucking', 'fucked', 'fucker', 'fuckers', 'fucks', 'effing', 'motherfucker', 'mofo', 'wtf', 'stfu', 'gtfo', 'fuckoff'] },
  { term: 'fuck off', category: 'swearing', severity: 0.8, role: 'insult', variants: ['fuck you', 'fuck u', 'fuck ya', 'screw you', 'piss off', 'bugger off', 'sod off', 'go to hell', 'shut the fuck up', 'shut up bitch'] },
  { term: 'shit', category: 'swearing', severity: 0.6, role: 'expletive', compound: 'both', variants: ['shite', 'shitty', 'sh1t', 'shyt', 'sht', 'bullshit', 'horseshit', 'apeshit', 'piece of shit', 'shithead', 'shitface'] },
  { term: 'god damn', category: 'swearing', severity: 0.5, role: 'expletive', variants: ['goddamn', 'goddamnit', 'goddammit', 'damn you', 'dammit'] },
  { term: 'bollocks', category: 'swearing', severity: 0.55, role: 'expletive', variants: ['piss', 'pissing', 'turd', 'bloody hell'] },
  { term: 'asshole', category: 'swearing', severity: 0.75, role: 'insult', variants: ['arsehole', 'assholes', 'arseholes', 'dumbass', 'jackass', 'fatass', 'asshat', 'assmunch', 'kiss my ass', 'eat my ass'] },
  { term: 'ass', category: 'swearing', severity: 0.5, role: 'insult', languageOnly: true },
  { term: 'bastard', category: 'swearing', severity: 0.7, role: 'insult', variants: ['bastards'] },
  { term: 'bitch', category: 'swearing', severity: 0.75, role: 'insult', compound: 'prefix', variants: ['bitches', 'biatch', 'bish', 'son of a bitch'] },
  // Not 'kunt': that is Dutch for "(you) can" ("Kunt u mij helpen?").
  { term: 'cunt', category: 'swearing', severity: 0.9, role: 'insult', compound: 'prefix', variants: ['cunts'] },
  { term: 'twat', category: 'swearing', severity: 0.75, role: 'insult', variants: ['twats'] },
  { term: 'wanker', category: 'swearing', severity: 0.75, role: 'insult', variants: ['wankers', 'wank', 'tosser', 'tossers'] },
  { term: 'dick', category: 'swearing', severity: 0.6, role: 'insult', guard: 'proper_name', variants: ['dickhead', 'dickheads', 'dickface'] },
  { term: 'prick', category: 'swearing', severity: 0.6, role: 'insult', variants: ['pricks'] },
  { term: 'douchebag', category: 'swearing', severity: 0.6, role: 'insult', variants: ['douchebags', 'scumbag', 'dirtbag', 'shitbag'] },
  { term: 'idiot', category: 'swearing', severity: 0.5, role: 'insult', variants: ['idiots', 'moron', 'morons', 'imbecile', 'dumbfuck', 'numbnuts', 'loser'] },
  { term: 'whore', category: 'swearing', severity: 0.8, role: 'insult', variants: ['whores', 'slut', 'sluts', 'skank', 'hooker'] },
  { term: '🖕', category: 'swearing', severity: 0.6, role: 'insult' },
  // Sexual language.
  { term: 'cock', category: 'sexual', severity: 0.6, role: 'vulgar', variants: ['cocks', 'cocksucker', 'schlong'] },
  { term: 'pussy', category: 'sexual', severity: 0.65, role: 'vulgar', variants: ['pussies', 'cooch', 'poon', 'poontang', 'punany', 'quim'] },
  { term: 'tits', category: 'sexual', severity: 0.6, role: 'vulgar', languageOnly: true, variants: ['titties', 'titty', 'boobs', 'boob', 'juggs', 'knockers'] },
  { term: 'blowjob', category: 'sexual', severity: 0.75, role: 'vulgar', variants: ['blow job', 'handjob', 'hand job', 'rimjob', 'footjob', 'deepthroat', 'deep throat', 'cumshot', 'cum', 'cumming', 'jizz', 'creampie', 'gangbang', 'gang bang', 'bukkake'] },
  { term: 'horny', category: 'sexual', severity: 0.6, role: 'vulgar', variants: ['hornie'] },
  { term: 'jerk off', category: 'sexual', severity: 0.7, role: 'vulgar', variants: ['jack off', 'jerking off', 'jacking off', 'wanking'] },
  // Slurs.
  { term: 'nigger', category: 'discrimination', severity: 0.98, role: 'slur', variants: ['niggers', 'nigga', 'niggas', 'nigguh', 'n1gger', 'sand nigger', 'nig nog', 'jigaboo', 'jiggaboo', 'jiggerboo', 'africoon', 'darkie', 'darkies', 'boonga', 'abeed'] },
  { term: 'faggot', category: 'discrimination', severity: 0.95, role: 'slur', variants: ['faggots', 'fagot', 'fags', 'fudgepacker', 'fudge packer', 'carpet muncher', 'carpetmuncher', 'bulldyke', 'poofter'] },
  { term: 'dyke', category: 'discrimination', severity: 0.75, role: 'slur', languageOnly: true, variants: ['dykes'] },
  { term: 'fag', category: 'discrimination', severity: 0.85, role: 'slur', languageOnly: true },
  { term: 'tranny', category: 'discrimination', severity: 0.85, role: 'slur', variants: ['trannies', 'shemale'] },
  { term: 'retard', category: 'discrimination', severity: 0.8, role: 'slur', variants: ['retards', 'retarded', 'spastic', 'spaz', 'spazz', 'mong', 'mongoloid', 'fucktard', 'fucktards'] },
  { term: 'chink', category: 'discrimination', severity: 0.9, role: 'slur', variants: ['chinks', 'gook', 'gooks', 'chingchong', 'ching chong', 'slanteye', 'slant eye'] },
  { term: 'spic', category: 'discrimination', severity: 0.9, role: 'slur', languageOnly: true, variants: ['spics', 'beaner', 'beaners', 'wetback', 'wetbacks'] },
  { term: 'kike', category: 'discrimination', severity: 0.95, role: 'slur', variants: ['kikes', 'yid'] },
  { term: 'paki', category: 'discrimination', severity: 0.85, role: 'slur', variants: ['pakis', 'towelhead', 'towelheads', 'raghead', 'ragheads', 'camel jockey', 'arabush'] },
  { term: 'coon', category: 'discrimination', severity: 0.85, role: 'slur', languageOnly: true, variants: ['coons'] },
  { term: 'pikey', category: 'discrimination', severity: 0.8, role: 'slur', variants: ['gyppo', 'honkey', 'honky'] },
  { term: 'white power', category: 'discrimination', severity: 0.9, role: 'slur', variants: ['white pride', 'sieg heil', 'heil hitler', '1488'] },
];

const GROUPS =
  '(?:immigrant|immigrants|foreigner|foreigners|jew|jews|muslim|muslims|arab|arabs|black|blacks|gay|gays|lesbian|lesbians|indian|indians|paki|mexican|mexicans|chinese|asian|asians|polish|refugee|refugees|woman|women|tranny|homo|africans?|gypsy|gypsies|cripple|cripples|retard)';
const YOU = '(?:you|u|ya|yall|you all|your family|all of you|everyone there)';
const I_WILL = '(?:i ll|ill|i will|i m going to|im going to|i am going to|i m gonna|im gonna|i am gonna|i gonna|gonna|i shall|i would|i d|we ll|we will|we re going to|we are going to)';

const patterns: PatternRule[] = [
  { id: 'en.threat.kill', kind: 'threat', severity: 0.95, negatable: true, triggers: ['kill', 'murder', 'stab', 'shoot', 'hurt', 'beat', 'strangle', 'slit', 'end', 'smash'], pattern: new RegExp(`\\b${I_WILL} (?:fucking )?(?:kill|murder|stab|shoot|hurt|strangle|beat up|beat the shit out of|smash|end) ${YOU}\\b|\\b${I_WILL} (?:slit|cut) (?:your|ur) throat\\b|\\bi (?:kill|murder|stab|shoot) ${YOU}\\b`) },
  { id: 'en.threat.know-address', kind: 'threat', severity: 0.9, negatable: true, triggers: ['live', 'live', 'address', 'work', 'kids', 'children'], pattern: /\bi know (?:exactly )?(?:where (?:you|u) (?:live|work|sleep)|your (?:address|home address)|where your (?:kids|children) (?:go|are|live))\b/ },
  { id: 'en.threat.come-armed', kind: 'threat', severity: 0.95, negatable: true, triggers: ['gun', 'knife', 'bomb', 'weapon', 'bat', 'machete', 'rifle', 'shotgun', 'petrol', 'gasoline', 'axe'], pattern: /\b(?:i m|im|i am|i ll|ill|i will|i m gonna|gonna)\b[a-z ]{0,10}\b(?:come|coming|bring|bringing|show up|showing up|drive|go)\b[a-z ]{0,40}\bwith (?:a |my |the |some )?(?:gun|guns|knife|bomb|weapon|bat|baseball bat|machete|rifle|shotgun|petrol|gasoline|axe)\b/ },
  { id: 'en.threat.bomb', kind: 'threat', severity: 0.95, negatable: true, triggers: ['bomb', 'blow', 'explosive', 'explosives'], pattern: /\b(?:there s a bomb|there is a bomb|theres a bomb|(?:planted|placed|put|left) a bomb|a bomb (?:in|at|under) (?:your|the)|(?:i ll|ill|i will|gonna|going to|i m going to|we will|we ll) (?:blow up|bomb)|blow (?:up )?(?:your|the) (?:office|building|place|shop|store|bank)|explosives? (?:in|at|under) (?:your|the))\b/ },
  { id: 'en.threat.arson', kind: 'threat', severity: 0.9, negatable: true, triggers: ['burn', 'torch', 'fire'], pattern: /\b(?:i ll|ill|i will|gonna|going to|i m going to) (?:burn|torch|set fire to)\b[a-z ]{0,30}\b(?:office|building|place|house|shop|store|down)\b/ },
  { id: 'en.threat.doom', kind: 'threat', severity: 0.8, negatable: true, triggers: ['dead', 'regret', 'back', 'find', 'coming', 'pay', 'die'], pattern: new RegExp(`\\b(?:you re|youre|you are|ur) (?:so |fucking )?dead\\b|\\b${YOU} (?:will|ll|re gonna|are gonna|re going to|are going to) (?:regret this|pay for this|die)\\b|\\bwatch your back\\b|\\b${I_WILL} (?:find|get|hunt down|come for|come after) ${YOU}\\b|\\bi m coming for ${YOU}\\b`) },
  { id: 'en.discrimination.group-insult', kind: 'discrimination', severity: 0.85, negatable: false, triggers: ['dirty', 'filthy', 'stupid', 'fucking', 'bloody', 'damn', 'disgusting', 'typical'], pattern: new RegExp(`\\b(?:dirty|filthy|stupid|fucking|bloody|damn|disgusting) ${GROUPS}\\b`) },
  { id: 'en.discrimination.go-home', kind: 'discrimination', severity: 0.8, negatable: true, triggers: ['country', 'where'], pattern: /\b(?:go|get|fuck off|piss off) back to (?:your|ur|where you) (?:own )?(?:country|came from|jungle)\b|\bgo back to where you came from\b/ },
  { id: 'en.discrimination.want-native', kind: 'discrimination', severity: 0.6, negatable: true, triggers: ['english', 'white', 'man', 'american', 'british', 'properly'], pattern: /\b(?:i want|let me|put me through to|give me|get me) (?:to )?(?:talk|speak)? ?(?:to )?(?:a real|a proper|an|a|someone) ?(?:english|white|british|american|man|who speaks proper english|who can speak english)\b|\blearn (?:to speak )?(?:proper )?english\b/ },
  { id: 'en.discrimination.sexist', kind: 'discrimination', severity: 0.75, negatable: true, triggers: ['kitchen', 'sandwich', 'women', 'woman', 'girl'], pattern: /\b(?:women belong in the kitchen|(?:get|go) back (?:in|to) the kitchen|make me a sandwich|i don t (?:talk|speak) to (?:women|a woman|girls)|put a man on)\b/ },
  { id: 'en.sexual.caller', kind: 'sexual', severity: 0.85, negatable: false, triggers: ['wearing', 'horny', 'touching', 'jerking', 'suck', 'nudes', 'nude', 'tits', 'boobs', 'sexy', 'dirty', 'fuck', 'wet', 'hard', 'cum'], pattern: /\b(?:what are you wearing|what r u wearing|what s your bra size|i m (?:so )?(?:horny|hard|wet)|im (?:so )?(?:horny|hard|wet)|i m touching myself|i am touching myself|i m jerking off|suck my (?:dick|cock)|send (?:me )?(?:nudes|nude pics|a nude)|show me your (?:tits|boobs|body|ass)|do you want to fuck|wanna fuck|i want to fuck you|let s have sex|talk dirty(?: to me)?|your voice (?:is|sounds) (?:so )?sexy|make me cum)\b/ },
  { id: 'en.spam.prank', kind: 'spam', severity: 0.6, negatable: true, triggers: ['pizza', 'prank', 'joke'], pattern: /\b(?:(?:order|get|want|like|deliver)\b[a-z ]{0,15}\bpizza|this is (?:a|just a) (?:prank|joke)|prank call)\b/ },
  { id: 'en.care.self-harm', kind: 'self_harm', severity: 0.9, triggers: ['die', 'kill', 'suicide', 'suicidal', 'myself', 'life', 'live', 'end', 'dead', 'harm'], pattern: /\b(?:i (?:just )?want to die|i wanna die|kill myself|killing myself|end my life|end it all|suicide|suicidal|self harm|selfharm|i (?:cut|hurt|harm|burn) myself|don t want to (?:live|be alive)|dont want to (?:live|be alive)|better off dead)\b/ },
  { id: 'en.care.abuse-disclosure', kind: 'abuse_disclosure', severity: 0.8, triggers: ['bullied', 'bully', 'bullying', 'hits', 'hit', 'beats', 'raped', 'abused', 'molested', 'touched', 'groped', 'harassed'], pattern: /\b(?:i (?:m|am|was|get|got|keep getting) (?:being )?(?:bullied|hit|beaten|raped|abused|molested|groped|harassed)|(?:they|he|she|people|kids) (?:bully|bullies|hit|hits|beat|beats|abuse|abuses|touched|harass|harasses) me|(?:my )?(?:dad|father|mum|mom|mother|stepdad|stepfather|brother|uncle|boyfriend) (?:hits|beats|hurts|touches|abuses) me)\b/ },
];

export const EN_LEXICON: LanguageLexicon = {
  language: 'en',
  terms,
  patterns,
  markers: {
    reportedBefore: [
      /\b(?:called|call|calls|calling|keep calling|keeps calling|kept calling|named) (?:me|him|her|us|my \w+)\b/,
      /\b(?:he|she|they|someone|somebody|people|kids|a guy|a girl|a man|a woman|my \w+|the \w+|this guy|everyone) (?:said|says|say|told me|tells me|wrote|writes|texted|messaged|posted|yelled|shouted|screamed|whispered)\b/,
      /\bsaid (?:i was|i am|i m|that i|to me)\b/,
      /\bis it (?:ok|okay|normal|allowed|legal|illegal|a crime|bad|wrong) (?:if|that|when|to|for)\b/,
      /\bwhat does\b/,
      /\b(?:i m|im|i am|i was|i get) (?:being )?bullied\b/,
      /\b(?:can|may|are) (?:people|someone|they|he|she|customers) (?:say|call|allowed to)\b/,
    ],
    reportedAfter: [
      /\bis (?:that|this|it) (?:allowed|ok|okay|normal|legal|illegal|a crime|acceptable|racist|harassment|bullying)\b/,
      /\b(?:can|may) (?:they|he|she|people|someone) (?:say|call|do) (?:that|this)\b/,
      /\bwhat (?:should|can) i do\b/,
      /\bmean\b/,
    ],
    counterSpeech: [/\bstop (?:saying|calling|swearing|using|writing)\b/, /\bdon t (?:call|say)\b/, /\bdont (?:call|say)\b/, /\bplease (?:don t|do not|stop)\b/, /\bno need to (?:say|call|swear)\b/],
    education: [
      /\bis it (?:normal|bad|safe|dangerous|healthy|ok|okay) (?:to|if|that|when)\b/,
      /\b(?:questions?|question) (?:about|on) (?:sex|sexuality|my body|puberty)\b/,
      /\b(?:can|could) i (?:get|be) pregnant\b/,
      /\bam i (?:pregnant|normal|gay|still a virgin)\b/,
      /\bhow do (?:i|you) know\b/,
      /\bfirst time\b/,
    ],
    medicalBefore: [],
    medicalAfter: [],
    negators: ['not', 'no', 'never', 'nobody', 'nothing', 'don', 'doesn', 'didn', 'won', 'isn', 'aren', 'wasn', 'nt', 'cannot', 'neither', 'nor', 'dont', 'wont', 'isnt'],
  },
  stopwords: ['i', 'you', 'the', 'a', 'is', 'it', 'to', 'and', 'my', 'me', 'of', 'that', 'this', 'what', 'are', 'your', 'not', 'have', 'can', 'do', 'with', 'for', 'why', 'how', 'was', 'he', 'she', 'they', 'we', 'be', 'm', 's', 't', 'll', 'on', 'at', 'in', 'just', 'there'],
  baseExclusions: [
    'abo', 'tit', 'anal', 'anus', 'auto erotic', 'autoerotic', 'bastinado', 'barenaked', 'butt', 'cialis', 'clit', 'clitoris', 'cunnilingus', 'date rape', 'daterape', 'domination', 'ejaculation', 'ejaculate', 'erotic', 'erotism', 'escort', 'eunuch', 'fecal', 'fellatio', 'fingering', 'gay sex', 'genitals', 'grope', 'hard core', 'hardcore', 'homoerotic', 'how to kill', 'how to murder', 'huge fat', 'incest', 'intercourse', 'jail bait', 'jailbait', 'lolita', 'lovemaking', 'masturbate', 'masturbating', 'masturbation', 'missionary position', 'nambla', 'neonazi', 'nipple', 'nipples', 'nsfw', 'nude', 'nudity', 'orgasm', 'paedophile', 'pedophile', 'panties', 'panty', 'penis', 'playboy', 'poof', 'porn', 'porno', 'pornography', 'pubes', 'rape', 'raping', 'rapist', 'rectum', 'sadism', 'santorum', 'scat', 'semen', 'sex', 'sexo', 'sexual', 'sexually', 'sexuality', 'sexy', 'skeet', 'snatch', 'spunk', 'suck', 'sucks', 'suicide girls', 'swastika', 'swinger', 'tainted love', 'taste my', 'tied up', 'tight white', 'tongue in a', 'topless', 'twinkie', 'undressing', 'vagina', 'viagra', 'vibrator', 'voyeur', 'vulva', 'wet dream', 'xx', 'xxx', 'boner', 'octopussy', 'jelly donut', 'kinky', 'bondage', 'girl on', 'hot chick', 'booty call', 'busty', 'sultry women', 'strip club', 'big black', 'bastardo', 'blonde action', 'brunette action', 'blonde on blonde action', 'bung hole', 'bunghole', 'tushy', 'twink', 'dildo', 'buttplug', 'group sex', 'threesome', 'bdsm', 'cuck', 'girls gone wild', 'dry hump', 'humping', 'sodomy', 'sodomize', 'beastiality', 'bestiality', 'zoophilia', 'phone sex', 'piss pig', 'pissing', 'lubejob',
  ],
  baseDefault: { category: 'sexual', severity: 0.55, role: 'vulgar' },
  compoundAllowlist: ['shitake', 'shiitake', 'bitchute'],
};
