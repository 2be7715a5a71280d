// A reviewer's visits, kept on the server by name: what changed after the previous visit began is
// new to them. Requests less than half an hour apart are one visit, so a reload keeps the marks.
import type { Db } from '../store/schema.js';

const SAME_VISIT_MS = 30 * 60_000;

export interface Visit {
  reviewer: string;
  previousAt: string | null;
  currentAt: string;
}

export async function recordVisit(db: Db, reviewer: string, now: Date): Promise<Visit> {
  const at = now.toISOString();
  const known = await db.selectFrom('reviewer_visits').selectAll().where('reviewer', '=', reviewer).executeTakeFirst();
  if (!known) {
    await db.insertInto('reviewer_visits').values({ reviewer, previous_at: null, current_at: at, last_seen_at: at }).execute();
    return { reviewer, previousAt: null, currentAt: at };
  }
  const sameVisit = now.getTime() - Date.parse(known.last_seen_at) < SAME_VISIT_MS;
  const previousAt = sameVisit ? known.previous_at : known.current_at;
  const currentAt = sameVisit ? known.current_at : at;
  await db.updateTable('reviewer_visits').set({ previous_at: previousAt, current_at: currentAt, last_seen_at: at }).where('reviewer', '=', reviewer).execute();
  return { reviewer, previousAt, currentAt };
}
