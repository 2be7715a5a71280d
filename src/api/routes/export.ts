import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { toCsv } from '../../ledger/csv.js';
import { toXlsx } from '../../ledger/files.js';
import { COLUMNS, dictionary, LAYOUTS, PROPOSAL_COLUMNS, rowsFor } from '../../ledger/layouts.js';
import { proposalRows } from '../../ledger/proposal-query.js';
import { ledgerRows } from '../../ledger/query.js';
import type { FactStore } from '../../store/index.js';
import { filterOf, LedgerQuery } from './ledger.js';
import { ProposalQuery } from './proposals.js';

const TYPES = { csv: 'text/csv; charset=utf-8', json: 'application/json; charset=utf-8', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } as const;

const Dictionary = z.object({
  version: z.string(),
  layouts: z.record(z.string(), z.array(z.object({ name: z.string(), unit: z.string(), description: z.string() }))),
  proposals: z.array(z.object({ name: z.string(), unit: z.string(), description: z.string() })),
});

export const exportRoutes = (store: FactStore): FastifyPluginAsyncZod => async (app) => {
  app.get('/api/export/commitments.:format', {
    config: { role: 'viewer' },
    schema: {
      tags: ['export'], summary: 'The ledger as CSV, JSON or XLSX, in the default or the Kiel tracker layout',
      params: z.object({ format: z.enum(['csv', 'json', 'xlsx']) }),
      querystring: LedgerQuery.extend({
        layout: z.enum(LAYOUTS).default('default'),
        'with-planned': z.enum(['true', 'false']).default('false').describe('kiel layout: keep planned and ready rows'),
      }),
    },
  }, async (request, reply) => {
    const layout = request.query.layout;
    const rows = rowsFor(layout, await ledgerRows(store.reader, filterOf(request.query)), request.query['with-planned'] === 'true');
    const format = request.params.format;
    reply.header('content-type', TYPES[format]).header('content-disposition', `attachment; filename="commitments${layout === 'default' ? '' : `-${layout}`}.${format}"`);
    if (format === 'csv') return toCsv(COLUMNS[layout], rows);
    if (format === 'json') return JSON.stringify(rows);
    return toXlsx(COLUMNS[layout], rows);
  });

  app.get('/api/export/proposals.:format', {
    config: { role: 'viewer' },
    schema: {
      tags: ['export'], summary: 'Proposals as CSV, JSON or XLSX: one row per proposal with its status, answers and sources',
      params: z.object({ format: z.enum(['csv', 'json', 'xlsx']) }),
      querystring: ProposalQuery,
    },
  }, async (request, reply) => {
    const { items } = await proposalRows(store.reader, { party: request.query.party, status: request.query.status, since: request.query.since, limit: null });
    const format = request.params.format;
    reply.header('content-type', TYPES[format]).header('content-disposition', `attachment; filename="proposals.${format}"`);
    if (format === 'csv') return toCsv(PROPOSAL_COLUMNS, items);
    if (format === 'json') return JSON.stringify(items);
    return toXlsx(PROPOSAL_COLUMNS, items, 'proposals');
  });

  app.get('/api/export/dictionary', {
    config: { role: 'viewer' },
    schema: { tags: ['export'], summary: 'Every column of every export layout, with its unit and meaning, and the dictionary version', response: { 200: Dictionary } },
  }, async () => dictionary());
};
