// Client paths (CONTRACT.md "Web routes"), named once for links and navigation.
export const paths = {
  portal: '/',
  catalog: '/thu-tuc',
  lookup: (code: string) => `/tra-cuu/${encodeURIComponent(code)}`,
  login: '/dang-nhap',
} as const;
