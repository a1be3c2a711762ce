/**
 * Common first names in the Netherlands, Flanders, Wallonia, France and English-speaking
 * countries, accent-folded and lower-case. Names that are also everyday words in our languages
 * (May, June, Will, Rose, Mark, Bank …) are left out on purpose: redacting "May" the month
 * costs more than it protects.
 */
const NAMES = `
jan piet pieter kees klaas henk johan willem dirk bram daan sem lucas thomas lars ruben jeroen bart tom wim luc marc koen
stijn jens wout joris geert hans frank erik peter paul stefan kevin dennis sander niels tim maarten jasper jef jos
emma julia sophie lotte anna eva sanne lisa fleur femke marieke annelies els ann anne katrien sofie lien lore marleen
ingrid hilde greet liesbeth inge nathalie sarah laura nina noor mila tess lieke saskia linda wendy ilse karin monique
anouk elise charlotte louise astrid mohamed ahmed youssef fatima aisha mehmet ayse ali omar yasmine sara hanne jolien
jean pierre jacques michel philippe alain nicolas francois laurent olivier christophe julien antoine mathieu hugo louis
gabriel arthur theo nathan lea chloe manon camille ines jade marie isabelle catherine francoise sylvie celine aurelie
julie elodie valerie sandrine martine brigitte christine claire amelie margaux pauline lucie juliette benoit didier
sebastien guillaume thierry patrick yves bernard eric vincent cedric damien florence veronique dominique
james john robert michael william david richard joseph charles daniel matthew anthony steven andrew joshua brian george
edward oliver harry jack charlie mary patricia jennifer elizabeth barbara susan jessica karen nancy emily olivia amelia
isla ava sophia grace hannah lucy alice megan rachel rebecca helen jane sam ben tony chris
`;

export const GIVEN_NAMES: ReadonlySet<string> = new Set(NAMES.split(/\s+/).filter(Boolean));

/** Capitalised words that are never surnames here: months, weekdays, greetings, pronouns, banking words. */
const NOT_SURNAMES = `
januari februari maart april mei juni juli augustus september oktober november december
janvier fevrier mars avril juin juillet aout septembre octobre novembre decembre
january february march june july august october
maandag dinsdag woensdag donderdag vrijdag zaterdag zondag lundi mardi mercredi jeudi vendredi samedi dimanche
monday tuesday wednesday thursday friday saturday sunday
bank banque ik je jij hij zij wij u i we you he she it they il elle nous vous ils ok oui non yes no nee ja
hallo hello hi bonjour merci thanks thank dank dag goedemorgen goedemiddag bonsoir dear beste cher chere
de het een le la les un une the a an and en et of ou or
`;

export const NOT_SURNAME_WORDS: ReadonlySet<string> = new Set(NOT_SURNAMES.split(/\s+/).filter(Boolean));
