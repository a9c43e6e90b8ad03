import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import { configureFetcher, GraphQLRequestError } from './fetcher.js';
import { readToken } from './token.js';
import './styles.css';

configureFetcher({
  endpoint: import.meta.env.VITE_GRAPHQL_URL ?? '/graphql',
  getToken: readToken,
});

const queryClient = new QueryClient({
  defaultOptions: {
    // A 4xx is the caller's problem (bad id, missing token): retrying it only delays the message.
    queries: {
      retry: (count, error) =>
        count < 2 && !(error instanceof GraphQLRequestError && error.status >= 400 && error.status < 500),
    },
  },
});

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <App />
    </QueryClientProvider>
  </StrictMode>,
);
