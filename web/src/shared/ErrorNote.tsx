import { ApiError } from './api';

/** An API failure as the user should read it, with a hint where one helps. */
export function ErrorNote({ error }: { error: unknown }) {
  if (!error) return null;
  const e = error instanceof ApiError ? error : new ApiError(0, 'ERROR', error instanceof Error ? error.message : String(error));
  const hint = e.status === 401 ? ' Set an API token under Settings.' : e.status === 403 ? ' Your token’s role does not allow this.' : '';
  return (
    <p className="error" role="alert">
      {e.message}{hint}
      {e.fields.length > 0 && <span> ({e.fields.map((f) => `${f.field}: ${f.reason}`).join('; ')})</span>}
    </p>
  );
}
