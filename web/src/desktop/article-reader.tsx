import { useEffect, useId, useRef, useState } from 'react';
import type { KnowledgeArticleView } from '../api/api-types.js';
import { knowledgeApi } from '../api/endpoints.js';
import { useI18n } from '../i18n/i18n-context.js';
import { ProcedureGuide } from './procedure-guide.js';

/** One knowledge article, read in the side panel. The body is plain text and rendered as text only. */
export function ArticleReader({ articleId, onClose }: { articleId: string; onClose: () => void }) {
  const { t } = useI18n();
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const [article, setArticle] = useState<KnowledgeArticleView | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    knowledgeApi.article(articleId).then(
      (a) => live && setArticle(a),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [articleId]);
  useEffect(() => {
    // The reader opens on a click: take the keyboard and screen reader there.
    if (article) heading.current?.focus();
  }, [article]);

  return (
    <article className="article-reader" aria-labelledby={headingId} data-testid="article-reader" data-article-id={articleId}>
      <div className="article-reader-head">
        <h3 id={headingId} ref={heading} tabIndex={-1}>
          {article?.title ?? t('common.loading')}
        </h3>
        <button type="button" data-testid="article-close" onClick={onClose}>
          {t('article.close')}
        </button>
      </div>
      {failed && <p className="form-error">{t('article.failed')}</p>}
      {article && (
        <>
          {article.warnings.length > 0 && (
            <ul className="callout callout-warn" aria-label={t('article.warnings')}>
              {article.warnings.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
          )}
          <div className="article-body" data-testid="article-body">
            {article.body.split(/\n{2,}/).map((paragraph, i) => (
              <p key={i}>{paragraph}</p>
            ))}
          </div>
          {article.steps.length > 0 && <ProcedureGuide title={article.title} steps={article.steps} warnings={[]} testId="article-procedure" />}
        </>
      )}
    </article>
  );
}
