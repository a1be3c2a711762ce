/**
 * The new part of a reply: drops the quoted earlier mail ("> …" lines and everything after an
 * "On … wrote:" / "Op … schreef" / "Le … a écrit" header or an Outlook "-----Original Message-----").
 * The full text stays in the stored mail; the transcript shows what the customer added.
 */
const QUOTE_HEADERS = [
  /^On .+ wrote:\s*$/i,
  /^Op .+ (schreef|heeft .+ geschreven).*:\s*$/i,
  /^Le .+ a écrit\s*:\s*$/i,
  /^-{2,}\s*(Original Message|Oorspronkelijk bericht|Message d'origine)\s*-{2,}/i,
  /^(From|Van|De)\s*:\s.+$/i,
];

export function stripQuotedReply(text: string): string {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  const kept: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const trimmed = line.trim();
    if (QUOTE_HEADERS.some((re) => re.test(trimmed))) {
      // A header only counts when what follows is quoted or it is the Outlook separator.
      const rest = lines.slice(i + 1).filter((l) => l.trim() !== '');
      if (/^-{2,}/.test(trimmed) || rest.length === 0 || rest[0]!.trim().startsWith('>') || /^(From|Van|De)\s*:/i.test(trimmed)) break;
    }
    if (trimmed.startsWith('>')) continue;
    kept.push(line);
  }
  const result = kept.join('\n').trim();
  // A mail that is only a quote (or empty) keeps its text rather than showing nothing.
  return result === '' ? text.trim() : result;
}
