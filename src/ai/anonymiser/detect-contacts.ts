import { isIPv4, isIPv6 } from 'node:net';
import { matchCandidates, type Candidate } from './candidate.js';
import { digitsOf } from './checksums.js';

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;
const IPV4 = /(?<![\d.])(?:\d{1,3}\.){3}\d{1,3}(?![\d]|\.\d)/g;
/** Hex groups with at least two colons; `node:net` decides, so "10:30:45" (a time) is not an address. */
const IPV6 = /(?<![\w:])(?:[0-9A-Fa-f]{0,4}:){2,7}(?:[0-9A-Fa-f]{0,4}|(?:\d{1,3}\.){3}\d{1,3})(?![\w:])/g;
/** +32 / 0032 / +31 / +44 …: country code, optional "(0)", then digits in groups. */
const INTERNATIONAL_PHONE = /(?<![\w+])(?:\+|00)[1-9]\d{0,2}(?:[ .\-/]?(?:\(0\)|\(\d{1,4}\)|\d{1,4})){2,7}(?![\w])/g;
/** National numbers start with one 0: Belgian 0471 12 34 56, 02 123 45 67; Dutch 06-12345678, 020 123 4567. */
const NATIONAL_PHONE = /(?<![\w+.,/-])0[1-9]\d{0,3}(?:[ .\-/]?\d{2,4}){1,4}(?![\w]|[.,]\d)/g;
const DATE_START = /^\d{1,2}[.\-/]\d{1,2}[.\-/]/;

export function detectEmails(text: string): Candidate[] {
  return matchCandidates(text, EMAIL, 'email');
}

export function detectIps(text: string): Candidate[] {
  return [...matchCandidates(text, IPV4, 'ip', (match) => isIPv4(match)), ...matchCandidates(text, IPV6, 'ip', (match) => isIPv6(match))];
}

function isInternationalPhone(match: string): boolean {
  const digits = digitsOf(match.replace('(0)', ''));
  return digits.length >= 9 && digits.length <= 15;
}

/** Nine or ten digits, and not a date such as 01-02-2024 10:00. */
function isNationalPhone(match: string): boolean {
  const digits = digitsOf(match);
  return (digits.length === 9 || digits.length === 10) && !DATE_START.test(match);
}

/** Group ends inside a phone-like match: a greedy match may run into the next number ("0471 12 34 56 4801"). */
const GROUP_END = /[\d)](?=[ .\-/]|$)/g;

/** The longest prefix of a phone-like match, cut at a group end, that `accept` approves. */
function phonesIn(text: string, pattern: RegExp, accept: (match: string) => boolean): Candidate[] {
  return matchCandidates(text, pattern, 'phone').flatMap((candidate) => {
    const match = text.slice(candidate.start, candidate.end);
    const ends = [...match.matchAll(GROUP_END)].map((end) => end.index + 1).reverse();
    const length = ends.find((end) => accept(match.slice(0, end)));
    return length === undefined ? [] : [{ ...candidate, end: candidate.start + length }];
  });
}

export function detectPhones(text: string): Candidate[] {
  return [...phonesIn(text, INTERNATIONAL_PHONE, isInternationalPhone), ...phonesIn(text, NATIONAL_PHONE, isNationalPhone)];
}
