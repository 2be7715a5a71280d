import { INPUT_MESSAGES } from '../../../../src/ingest/messages';
import { getJson, post, postJson } from '../../shared/api';
import type { ArticleDetail, IngestFailure } from '../../shared/types';

export interface NewArticle {
  text?: string;
  url?: string;
  title?: string;
  published?: string;
  source?: string;
}

/** Stores an article; `created` is false when the same article was already stored. */
export async function ingestArticle(article: NewArticle): Promise<{ created: boolean; article: ArticleDetail }> {
  const res = await post<ArticleDetail>('/api/articles', article);
  return { created: res.status === 201, article: res.body };
}

/** Reads an uploaded file into articles: text and HTML as one article, JSON and JSON Lines as one per record. */
export async function articlesFromFile(file: File): Promise<Array<{ label: string; article?: NewArticle; error?: string }>> {
  const text = await file.text();
  const name = file.name.toLowerCase();
  const record = (value: unknown, label: string) => {
    const r = value as Record<string, unknown> | null;
    if (!r || typeof r !== 'object' || (typeof r.text !== 'string' && typeof r.url !== 'string')) return { label, error: INPUT_MESSAGES.recordNeedsText };
    const pick = (k: string) => (typeof r[k] === 'string' && r[k] !== '' ? (r[k] as string) : undefined);
    return { label, article: { text: pick('text'), url: pick('text') ? undefined : pick('url'), title: pick('title'), published: pick('published')?.slice(0, 10), source: pick('source') } };
  };
  if (name.endsWith('.jsonl') || name.endsWith('.ndjson')) {
    return text.split('\n').flatMap((line, i) => {
      if (!line.trim()) return [];
      try {
        return [record(JSON.parse(line), `${file.name}:${i + 1}`)];
      } catch {
        return [{ label: `${file.name}:${i + 1}`, error: INPUT_MESSAGES.notJson }];
      }
    });
  }
  if (name.endsWith('.json')) {
    try {
      const parsed = JSON.parse(text) as unknown;
      return (Array.isArray(parsed) ? parsed : [parsed]).map((r, i) => record(r, `${file.name}#${i + 1}`));
    } catch {
      return [{ label: file.name, error: INPUT_MESSAGES.notJson }];
    }
  }
  if (text.includes('\u0000')) return [{ label: file.name, error: 'a binary file, not text or HTML' }];
  return [{ label: file.name, article: { text, title: undefined } }];
}

export interface RefusedArticle {
  articleId: number;
  title: string | null;
  url: string | null;
  language: string | null;
  ingestedAt: string;
}

export const fetchFailures = () => getJson<{ failures: IngestFailure[]; refused: RefusedArticle[] }>('/api/ingest/failures');
/** Tries a failed input again; fails with the new reason when it still cannot be stored. */
export const retryFailure = (id: number) => postJson<{ articleId: number; status: string }>(`/api/ingest/failures/${id}/retry`, {});
