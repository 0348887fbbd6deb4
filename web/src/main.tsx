// Entry point: Ant Design in Vietnamese (vi_VN, dayjs 'vi'), the server-state cache (one
// QueryClient, api/queries.ts), the router, the app.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
// The ES module: `antd/locale/vi_VN` is CommonJS, whose default import (Node semantics in this
// "type": "module" package) is `{ default: locale }`, which ConfigProvider silently ignores.
import viVN from 'antd/es/locale/vi_VN';
import dayjs from 'dayjs';
import 'dayjs/locale/vi';

import { createQueryClient } from './api/queries';
import { App } from './App';
import { theme } from './theme';
import './global.css';

dayjs.locale('vi');

const queryClient = createQueryClient();

const container = document.getElementById('root');
if (!container) throw new Error('#root is missing from index.html');

createRoot(container).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <ConfigProvider locale={viVN} theme={theme}>
        <AntApp>
          <BrowserRouter>
            <App />
          </BrowserRouter>
        </AntApp>
      </ConfigProvider>
    </QueryClientProvider>
  </StrictMode>,
);
