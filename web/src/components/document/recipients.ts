// Where an outgoing document may be sent: document agencies (not units: departments and
// service centres work on their parent's documents), from the caller's agency tree and the
// public list of agencies, each "Name (CODE)"; the issuing agency itself is left out by the
// server's check (422), not guessed here.
import { useQuery } from '@tanstack/react-query';

import { queries } from '../../api/queries';
import type { AgencyNode } from '../../api/types';

const UNIT_KINDS = new Set(['department', 'service_center']);

function documentAgencies(node: AgencyNode, out: Map<string, string>): void {
  if (!UNIT_KINDS.has(node.kind)) out.set(node.code, node.name);
  node.children.forEach((child) => documentAgencies(child, out));
}

export function useRecipientOptions(): { options: { value: string; label: string }[]; loading: boolean } {
  const tree = useQuery(queries.agencyTree());
  const open = useQuery(queries.receivingAgencies(undefined));
  const names = new Map<string, string>();
  if (tree.data) documentAgencies(tree.data, names);
  for (const agency of open.data ?? []) if (!UNIT_KINDS.has(agency.kind)) names.set(agency.code, agency.name);
  const options = [...names.entries()]
    .map(([code, name]) => ({ value: code, label: `${name} (${code})` }))
    .sort((a, b) => a.label.localeCompare(b.label, 'vi'));
  return { options, loading: tree.isPending || open.isPending };
}
