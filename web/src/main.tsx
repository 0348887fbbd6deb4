// Entry point: Ant Design in Vietnamese (vi_VN, dayjs 'vi'), the router, the app.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { App as AntApp, ConfigProvider } from 'antd';
// The ES module: `antd/locale/vi_VN` is CommonJS, whose default import (Node semantics in this
// "type": "module" package) is `{ default: locale }`, which ConfigProvider silently ignores.
import viVN from 'antd/es/locale/vi_VN';
import dayjs from 'dayjs';
import 'dayjs/locale/vi';

import { App } from './App';
import { theme } from './theme';
import './global.css';

dayjs.locale('vi');

const container = document.getElementById('root');
if (!container) throw new Error('#root is missing from index.html');

createRoot(container).render(
  <StrictMode>
    <ConfigProvider locale={viVN} theme={theme}>
      <AntApp>
        <BrowserRouter>
          <App />
        </BrowserRouter>
      </AntApp>
    </ConfigProvider>
  </StrictMode>,
);
