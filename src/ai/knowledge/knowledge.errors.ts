import { AppError } from '../../core/errors/app-error.js';

/** Stable codes of the knowledge module (to be listed in docs/errors.md). */
export type KnowledgeErrorCode = 'KNOWLEDGE_ARTICLE_INVALID' | 'KNOWLEDGE_QUERY_INVALID' | 'KNOWLEDGE_STALE_VERSION';

export class KnowledgeError extends AppError {
  constructor(
    override readonly code: KnowledgeErrorCode,
    message: string,
    options: { status: number; userMessage: string },
  ) {
    super(code, message, options);
    this.name = 'KnowledgeError';
  }
}

export function articleInvalid(detail: string): KnowledgeError {
  return new KnowledgeError('KNOWLEDGE_ARTICLE_INVALID', `knowledge article invalid: ${detail}`, {
    status: 400,
    userMessage: 'The article is incomplete or has an invalid field.',
  });
}

export function queryInvalid(detail: string): KnowledgeError {
  return new KnowledgeError('KNOWLEDGE_QUERY_INVALID', `knowledge query invalid: ${detail}`, {
    status: 400,
    userMessage: 'The search request is invalid.',
  });
}

export function staleVersion(id: string, given: number, current: number): KnowledgeError {
  return new KnowledgeError('KNOWLEDGE_STALE_VERSION', `article ${id}: version ${given} is older than indexed version ${current}`, {
    status: 409,
    userMessage: 'Someone saved a newer version of this article; reload it first.',
  });
}
