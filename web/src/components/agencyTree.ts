// Helpers over the agency tree of GET /api/v1/agencies (one nested object).
import { useQuery } from '@tanstack/react-query';

import { errorMessage } from '../api/client';
import { queries } from '../api/queries';
import type { AgencyNode } from '../api/types';

export interface AgencyOption {
  value: string;
  title: string;
  children?: AgencyOption[];
}

/** TreeSelect data: "Name (CODE)" for every agency of the tree, nested. */
export function agencyOptions(agency: AgencyNode): AgencyOption {
  const children = agency.children.map(agencyOptions);
  return {
    value: agency.code,
    title: `${agency.name} (${agency.code})`,
    ...(children.length > 0 ? { children } : {}),
  };
}

/** Every code of the tree, parents first (for expanding the whole tree). */
export function agencyCodes(agency: AgencyNode): string[] {
  return [agency.code, ...agency.children.flatMap(agencyCodes)];
}

export type AgencyTreeState =
  | { kind: 'loading' }
  | { kind: 'loaded'; tree: AgencyNode }
  | { kind: 'error'; message: string };

/** The caller's agency tree (query `agencies/tree`; changes to agencies invalidate it). */
export function useAgencyTree(): { state: AgencyTreeState } {
  const query = useQuery(queries.agencyTree());
  const state: AgencyTreeState = query.isPending
    ? { kind: 'loading' }
    : query.isError
      ? { kind: 'error', message: errorMessage(query.error) }
      : { kind: 'loaded', tree: query.data };
  return { state };
}
