import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { toCsv, toXlsx } from '../../cli/export.js';
import { ledgerRows } from '../../ledger/query.js';
import type { FactStore } from '../../store/index.js';
import { filterOf, LedgerQuery } from './ledger.js';

const TYPES = { csv: 'text/csv; charset=utf-8', json: 'application/json; charset=utf-8', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } as const;

export const exportRoutes = (store: FactStore): FastifyPluginAsyncZod => async (app) => {
  app.get('/api/export/commitments.:format', {
    config: { role: 'viewer' },
    schema: { tags: ['export'], summary: 'The ledger as CSV, JSON or XLSX', params: z.object({ format: z.enum(['csv', 'json', 'xlsx']) }), querystring: LedgerQuery },
  }, async (request, reply) => {
    const rows = await ledgerRows(store.reader, filterOf(request.query));
    const format = request.params.format;
    reply.header('content-type', TYPES[format]).header('content-disposition', `attachment; filename="commitments.${format}"`);
    if (format === 'csv') return toCsv(rows);
    if (format === 'json') return JSON.stringify(rows);
    return toXlsx(rows);
  });
};
