// Types of feed-server.js for the TypeScript tests that start it.
export interface FeedItem {
  guid: string;
  title: string;
  link?: string;
  content?: string;
  /** ISO date-time; the feed's pubDate */
  updated: string;
}
export interface FeedRequest {
  path: string;
  at: number;
  status: number;
  /** The guids the feed listed in this answer (a 200 only). */
  items?: string[];
}
export interface FeedServer {
  base: string;
  feeds: Map<string, { items: FeedItem[]; fail?: number; hang?: boolean; broken?: boolean }>;
  pages: Map<string, string>;
  requests: FeedRequest[];
  requestsFor(path: string): FeedRequest[];
  feed(path: string, options?: { fail?: number; hang?: boolean; broken?: boolean }): string;
  putItem(path: string, item: Omit<FeedItem, 'updated'> & { updated?: string }): FeedItem;
  close(): Promise<void>;
}
export function startFeedServer(): Promise<FeedServer>;
