import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.tsx';
import { setupI18n } from './i18n/setup-i18n.ts';
// The map library's styles first, so ours (and each screen's, loaded with it) override them.
import 'maplibre-gl/dist/maplibre-gl.css';
import './styles.css';
import { createClients, TRPCProvider } from './trpc.ts';
import { prefetchFirstScreen } from './first-screen-data.ts';

const { queryClient, trpcClient } = createClients();
prefetchFirstScreen(location.pathname.replace(/\/$/, '') || '/', queryClient, trpcClient);
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
// The page's dictionary arrives beside the screen's own chunk.
void setupI18n().then(() =>
  createRoot(root).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <TRPCProvider queryClient={queryClient} trpcClient={trpcClient}>
          <App path={location.pathname} search={new URLSearchParams(location.search)} />
        </TRPCProvider>
      </QueryClientProvider>
    </StrictMode>,
  ),
);
