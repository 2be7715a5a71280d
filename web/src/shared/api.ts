// The one way the workbench talks to the server: JSON over fetch, with the bearer token when one is set.
import { getSettings } from './settings';

export interface FieldError {
  field: string;
  reason: string;
}

/** An error answer from the API, with its stable code and, for invalid input, the fields at fault. */
export class ApiError extends Error {
  constructor(readonly status: number, readonly code: string, message: string, readonly fields: FieldError[] = []) {
    super(message);
  }
}

type Query = Record<string, string | number | boolean | undefined | null>;

export function withQuery(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '' && v !== false) params.set(k, String(v));
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

function headers(json: boolean): HeadersInit {
  const h: Record<string, string> = {};
  const { token } = getSettings();
  if (token) h.authorization = `Bearer ${token}`;
  if (json) h['content-type'] = 'application/json';
  return h;
}

async function failure(res: Response): Promise<ApiError> {
  try {
    const body = (await res.json()) as { error?: { code?: string; message?: string; fields?: FieldError[] } };
    return new ApiError(res.status, body.error?.code ?? 'HTTP', body.error?.message ?? res.statusText, body.error?.fields ?? []);
  } catch {
    return new ApiError(res.status, 'HTTP', `${res.status} ${res.statusText}`);
  }
}

export async function getJson<T>(path: string, query?: Query): Promise<T> {
  let res: Response;
  try {
    res = await fetch(withQuery(path, query), { headers: headers(false) });
  } catch {
    throw new ApiError(0, 'OFFLINE', 'the server cannot be reached');
  }
  if (!res.ok) throw await failure(res);
  return (await res.json()) as T;
}

export async function postJson<T>(path: string, body: unknown): Promise<T> {
  return (await post<T>(path, body)).body;
}

/** A DELETE with a JSON body (who asks, and why). */
export async function deleteJson<T>(path: string, body: unknown): Promise<T> {
  return (await post<T>(path, body, 'DELETE')).body;
}

/** A POST whose success status matters (201 created vs 200 already there). */
export async function post<T>(path: string, body: unknown, method: 'POST' | 'DELETE' = 'POST'): Promise<{ status: number; body: T }> {
  let res: Response;
  try {
    res = await fetch(path, { method, headers: headers(true), body: JSON.stringify(body) });
  } catch {
    throw new ApiError(0, 'OFFLINE', 'the server cannot be reached');
  }
  if (!res.ok) throw await failure(res);
  return { status: res.status, body: (await res.json()) as T };
}

/** Downloads a file the API makes (exports), carrying the token that a plain link could not. */
export async function download(path: string, query: Query, filename: string): Promise<void> {
  const res = await fetch(withQuery(path, query), { headers: headers(false) });
  if (!res.ok) throw await failure(res);
  saveBlob(await res.blob(), filename);
}

/** Hands the browser a file to save. */
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
