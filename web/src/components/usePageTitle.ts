// Sets document.title to "<screen> — Egov — Dịch vụ công" while a screen is shown.
import { useEffect } from 'react';

const SITE_TITLE = 'Egov — Dịch vụ công';

export function usePageTitle(title?: string): void {
  useEffect(() => {
    document.title = title ? `${title} — ${SITE_TITLE}` : SITE_TITLE;
  }, [title]);
}
