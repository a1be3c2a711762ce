/**
 * Looks at a file's first bytes to tell whether it is what its declared type says, so a renamed
 * program (`invoice.pdf` that starts with `MZ`) is refused. Families, not exact types: office
 * formats share the ZIP or OLE container, text is "valid UTF-8 without NUL bytes".
 */
type Family = 'pdf' | 'png' | 'jpeg' | 'gif' | 'webp' | 'heic' | 'zip' | 'ole' | 'text' | 'ogg' | 'mp3' | 'mp4' | 'aac' | 'amr';

const FAMILY_OF_TYPE: Readonly<Record<string, Family>> = {
  'application/pdf': 'pdf',
  'image/png': 'png',
  'image/jpeg': 'jpeg',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'image/heic': 'heic',
  'text/plain': 'text',
  'text/csv': 'text',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'zip',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'zip',
  'application/vnd.oasis.opendocument.text': 'zip',
  'application/vnd.oasis.opendocument.spreadsheet': 'zip',
  'application/msword': 'ole',
  'application/vnd.ms-excel': 'ole',
  'audio/ogg': 'ogg',
  'audio/mpeg': 'mp3',
  'audio/mp4': 'mp4',
  'video/mp4': 'mp4',
  'audio/aac': 'aac',
  'audio/amr': 'amr',
};

function startsWith(content: Buffer, bytes: readonly number[], offset = 0): boolean {
  return content.length >= offset + bytes.length && bytes.every((b, i) => content[offset + i] === b);
}

const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

/** The container family the bytes show, or null for anything else (programs, scripts with NULs, unknown binaries). */
export function sniffFamily(content: Buffer): Family | null {
  if (startsWith(content, ascii('%PDF-'))) return 'pdf';
  if (startsWith(content, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(content, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(content, ascii('GIF87a')) || startsWith(content, ascii('GIF89a'))) return 'gif';
  if (startsWith(content, ascii('RIFF')) && startsWith(content, ascii('WEBP'), 8)) return 'webp';
  if (startsWith(content, ascii('ftyp'), 4) && ['heic', 'heix', 'mif1', 'msf1', 'hevc'].some((brand) => startsWith(content, ascii(brand), 8))) return 'heic';
  // Any other ISO media file (mp4, m4a, 3gp): the box type `ftyp` at offset 4, whatever the brand.
  if (startsWith(content, ascii('ftyp'), 4)) return 'mp4';
  if (startsWith(content, ascii('OggS'))) return 'ogg';
  if (startsWith(content, ascii('#!AMR'))) return 'amr';
  if (startsWith(content, ascii('ID3')) || isMpegAudioFrame(content)) return 'mp3';
  if (isAdtsFrame(content)) return 'aac';
  if (startsWith(content, [0x50, 0x4b, 0x03, 0x04])) return 'zip';
  if (startsWith(content, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'ole';
  if (looksLikeText(content)) return 'text';
  return null;
}

/** An MPEG audio frame header: 11 sync bits, then a layer other than the reserved 00 (which ADTS uses). */
function isMpegAudioFrame(content: Buffer): boolean {
  return content.length >= 2 && content[0] === 0xff && (content[1]! & 0xe0) === 0xe0 && (content[1]! & 0x06) !== 0;
}

/** An AAC ADTS header: 12 sync bits, layer 00. */
function isAdtsFrame(content: Buffer): boolean {
  return content.length >= 2 && content[0] === 0xff && (content[1]! & 0xf6) === 0xf0;
}

function looksLikeText(content: Buffer): boolean {
  const head = content.subarray(0, 64 * 1024);
  if (head.includes(0)) return false;
  // A cut multi-byte character at the end of the sample is fine; anything else must decode.
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head.length === content.length ? head : head.subarray(0, head.length - 4));
    return true;
  } catch {
    return false;
  }
}

/** Whether the content is of the family its declared (allowed) type promises. */
export function contentMatchesType(content: Buffer, contentType: string): boolean {
  const expected = FAMILY_OF_TYPE[contentType];
  return expected !== undefined && sniffFamily(content) === expected;
}

/**
 * Whether the bytes are a program or script whatever their declared type: Windows (MZ), Linux
 * (ELF), macOS (Mach-O, fat binaries) or a `#!` script. Inbound mail uses this instead of the
 * family check, because a customer's mail client may declare a legitimate file loosely (a text
 * file in Windows-1252 is no valid UTF-8), while a program is never a legitimate attachment here.
 */
export function looksLikeProgram(content: Buffer): boolean {
  return (
    startsWith(content, ascii('MZ')) ||
    startsWith(content, [0x7f, 0x45, 0x4c, 0x46]) ||
    [[0xfe, 0xed, 0xfa, 0xce], [0xfe, 0xed, 0xfa, 0xcf], [0xce, 0xfa, 0xed, 0xfe], [0xcf, 0xfa, 0xed, 0xfe], [0xca, 0xfe, 0xba, 0xbe]].some((magic) => startsWith(content, magic)) ||
    startsWith(content, ascii('#!'))
  );
}
