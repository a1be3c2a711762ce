/**
 * Phrases that make a survey comment read as thanks or praise, per language, and phrases that
 * undo it ("niet bedankt", "no thanks to you"). Matched on folded text: lower case, no accents,
 * straight apostrophes, punctuation as spaces, whole words only.
 */
export const POSITIVE_PHRASES: Readonly<Record<'nl' | 'fr' | 'en', readonly string[]>> = {
  nl: ['bedankt', 'dank je', 'dank u', 'dankjewel', 'dankuwel', 'merci', 'super geholpen', 'goed geholpen', 'heel goed geholpen', 'top geholpen', 'fijn geholpen', 'heel vriendelijk', 'erg vriendelijk', 'super vriendelijk', 'heel behulpzaam', 'top service', 'geweldig', 'fantastisch', 'toppie', 'chapeau'],
  fr: ['merci beaucoup', 'merci', 'tres aimable', 'tres gentil', 'tres gentille', 'super aide', 'bien aide', 'tres bien aide', 'excellent service', 'genial', 'formidable', 'au top', 'parfait', 'tres professionnel', 'tres professionnelle'],
  en: ['thank you so much', 'thank you', 'thanks a lot', 'thanks', 'many thanks', 'great help', 'very helpful', 'really helpful', 'so helpful', 'very kind', 'super friendly', 'excellent service', 'great service', 'amazing', 'brilliant', 'wonderful'],
};

export const NEGATIVE_PHRASES: Readonly<Record<'nl' | 'fr' | 'en', readonly string[]>> = {
  nl: ['niet bedankt', 'niet geholpen', 'niet vriendelijk', 'onvriendelijk', 'slecht geholpen', 'slecht', 'waardeloos', 'belachelijk', 'nooit meer', 'teleurgesteld', 'teleurstellend', 'bedankt voor niets', 'bedankt voor niks', 'nee bedankt'],
  fr: ['merci pour rien', 'pas merci', 'non merci', 'pas aide', 'pas aimable', 'pas gentil', 'pas du tout', 'nul', 'decu', 'decue', 'inadmissible', 'honteux', 'mauvais service'],
  en: ['no thanks to you', 'thanks for nothing', 'no thanks', 'not helpful', 'unhelpful', 'not thank', 'not kind', 'rude', 'terrible', 'awful', 'useless', 'disappointed', 'worst', 'waste of time'],
};

/** Words that negate a positive phrase right after them ("niet super geholpen", "not great help"). */
export const NEGATORS: readonly string[] = ['niet', 'geen', 'nooit', 'not', 'no', 'never', 'pas', 'jamais', 'sans'];
