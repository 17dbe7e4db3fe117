import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { clientConfigQuery } from './api/client-config.js';
import { App } from './app.js';
import { startSync } from './offline/start-sync.js';
import './styles.css';

const client = new QueryClient({
  defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false } },
});

// Read the deployment's settings (map style, upload limit) once, at start.
void client.prefetchQuery(clientConfigQuery);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={client}>
      <App />
    </QueryClientProvider>
  </StrictMode>,
);

// Saved activities waiting on this device upload whenever a connection allows.
startSync();

// The app shell works offline once the service worker has cached it.
if ('serviceWorker' in navigator && import.meta.env.PROD) {
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js').catch(() => {
      // Not fatal: the app works online without it.
    });
  });
}
