import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { prefetchLedger } from './features/ledger/queries';
import { parseRoute } from './shared/router';
import './app/styles.css';

const client = new QueryClient({
  defaultOptions: { queries: { staleTime: 10_000, retry: (count, error) => count < 2 && !('status' in error && (error as { status: number }).status >= 400) } },
});

// The ledger is the first screen most visits open: its data is asked for at once, and the page is
// drawn when it is in (a second at most), in one layout rather than an empty frame and then the data.
const start = parseRoute(window.location.hash);
const unfilteredLedger = (start.parts[0] ?? 'ledger') === 'ledger' && start.parts.length <= 1 && start.params.size === 0;
const firstData = unfilteredLedger ? prefetchLedger(client) : Promise.resolve();
const atMost = new Promise((resolve) => setTimeout(resolve, 1000));

void Promise.race([firstData, atMost]).finally(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <QueryClientProvider client={client}>
        <App />
      </QueryClientProvider>
    </StrictMode>,
  ),
);
