// Ant Design theme tokens shared by every screen.
import type { ThemeConfig } from 'antd';

export const brandRed = '#a61b1b';

export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#1554b3',
    borderRadius: 6,
    // System fonts with complete Vietnamese coverage (stacked diacritics: ể, ữ, ặ …).
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, 'Noto Sans', 'Helvetica Neue', Arial, sans-serif",
  },
  components: {
    Layout: { headerBg: brandRed, headerPadding: '0 16px', footerBg: '#f0f2f5' },
  },
};
