/** PodDisruptionBudget table rows. Mirrors pkg/printers/internalversion/printers.go: printPodDisruptionBudget. */
import { ageSince } from '../duration.ts';

type Pdb = {
  metadata?: { name?: string; creationTimestamp?: string };
  spec?: { minAvailable?: number | string; maxUnavailable?: number | string };
  status?: { disruptionsAllowed?: number };
};

export const PDB_COLUMNS = ['NAME', 'MIN AVAILABLE', 'MAX UNAVAILABLE', 'ALLOWED DISRUPTIONS', 'AGE'];

const intOrString = (v: number | string | undefined | null) => (v === undefined || v === null ? 'N/A' : String(v));

export function pdbRow(pdb: Pdb, nowMs: number): string[] {
  return [
    pdb.metadata?.name ?? '',
    intOrString(pdb.spec?.minAvailable),
    intOrString(pdb.spec?.maxUnavailable),
    String(pdb.status?.disruptionsAllowed ?? 0),
    ageSince(pdb.metadata?.creationTimestamp, nowMs),
  ];
}
