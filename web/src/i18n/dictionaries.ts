import type { Language } from '../api/api-types.js';
import { en } from './dictionary-en.js';
import { fr } from './dictionary-fr.js';
import { nl, type Dictionary, type MessageKey } from './dictionary-nl.js';

export type { Dictionary, MessageKey };

export const dictionaries: Record<Language, Dictionary> = { nl, fr, en };
