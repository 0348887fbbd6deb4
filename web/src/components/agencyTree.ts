// Helpers over the agency tree of GET /api/v1/agencies (one nested object).
import { useCallback, useEffect, useState } from 'react';

import { errorMessage, isAbort } from '../api/client';
import { getAgencyTree } from '../api/endpoints';
import type { Agency } from '../api/types';

export interface AgencyOption {
  value: string;
  title: string;
  children?: AgencyOption[];
}

/** TreeSelect data: "Name (CODE)" for every agency of the tree, nested. */
export function agencyOptions(agency: Agency): AgencyOption {
  const children = (agency.children ?? []).map(agencyOptions);
  return {
    value: agency.code,
    title: `${agency.name} (${agency.code})`,
    ...(children.length > 0 ? { children } : {}),
  };
}

/** Every code of the tree, parents first (for expanding the whole tree). */
export function agencyCodes(agency: Agency): string[] {
  return [agency.code, ...(agency.children ?? []).flatMap(agencyCodes)];
}

export type AgencyTreeState =
  | { kind: 'loading' }
  | { kind: 'loaded'; tree: Agency }
  | { kind: 'error'; message: string };

/** Loads the caller's agency tree; `reload` fetches it again (after a change). */
export function useAgencyTree(): { state: AgencyTreeState; reload: () => void } {
  const [state, setState] = useState<AgencyTreeState>({ kind: 'loading' });
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    const controller = new AbortController();
    getAgencyTree(controller.signal)
      .then((tree) => setState({ kind: 'loaded', tree }))
      .catch((error: unknown) => {
        if (!isAbort(error)) setState({ kind: 'error', message: errorMessage(error) });
      });
    return () => controller.abort();
  }, [generation]);
  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  return { state, reload };
}
