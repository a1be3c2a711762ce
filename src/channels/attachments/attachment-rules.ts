/**
 * What a file exchanged with customers may be, in one place: inbound mail and agent uploads
 * apply the same allow-list and size limit. Documents and pictures only, nothing executable.
 */
export const ALLOWED_ATTACHMENT_TYPES: ReadonlySet<string> = new Set([
  'application/pdf',
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'image/heic',
  'text/plain',
  'text/csv',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
  'application/msword',
  'application/vnd.ms-excel',
]);

/** The media type without parameters, lower case (`Text/Plain; charset=utf-8` → `text/plain`). */
export function bareContentType(contentType: string): string {
  return contentType.split(';')[0]!.trim().toLowerCase();
}

/**
 * What a customer may send over WhatsApp: the documents and pictures above plus voice notes
 * (WhatsApp records Ogg/Opus; other clients send MP3, M4A, AAC or AMR) and short videos. Only
 * inbound WhatsApp media uses this list; mail and agent uploads keep the one above.
 */
export const WHATSAPP_MEDIA_TYPES: ReadonlySet<string> = new Set([
  ...ALLOWED_ATTACHMENT_TYPES,
  'audio/ogg',
  'audio/mpeg',
  'audio/mp4',
  'audio/aac',
  'audio/amr',
  'video/mp4',
]);

export type AttachmentProblem = { kind: 'too_large'; size: number; limit: number } | { kind: 'type_refused'; contentType: string };

/**
 * The first rule a file breaks, or null: size first (the cheaper answer for the sender), then the
 * type. `allowedTypes` is the list of the path the file arrives on (mail and uploads: the default).
 */
export function attachmentProblem(
  file: { contentType: string; size: number },
  maxBytes: number,
  allowedTypes: ReadonlySet<string> = ALLOWED_ATTACHMENT_TYPES,
): AttachmentProblem | null {
  if (file.size > maxBytes) return { kind: 'too_large', size: file.size, limit: maxBytes };
  if (!allowedTypes.has(bareContentType(file.contentType))) return { kind: 'type_refused', contentType: file.contentType };
  return null;
}

export function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} kB`;
}

/**
 * A file name that is safe in a Content-Disposition header, a MIME part and a file system: no
 * path, no control or reserved characters, at most 120 characters with the extension kept.
 */
export function sanitiseFilename(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  let clean = base
    .normalize('NFC')
    .replace(/[\u0000-\u001f\u007f-\u009f<>:"|?*\u202a-\u202e\u2066-\u2069]/g, '_')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.]+|[\s.]+$/g, '');
  if (clean.length > 120) {
    const dot = clean.lastIndexOf('.');
    const ext = dot > 0 && clean.length - dot <= 10 ? clean.slice(dot) : '';
    clean = clean.slice(0, 120 - ext.length).trimEnd() + ext;
  }
  return clean || 'attachment';
}
