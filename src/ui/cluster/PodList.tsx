/** The pods of one node card (or of the unscheduled lane) as a list of chips. */
import type { TFunction } from 'i18next';
import type { PodChipModel } from './podChipModel.ts';
import { PodChip } from './PodChip.tsx';

/**
 * Past this many pods one list turns into dots on its own, whatever the cluster average: 1,000
 * pending pods in the unscheduled lane would otherwise be 1,000 text chips.
 */
const COMPACT_LIST = 6;

export function PodList({ pods, selectedKey, compact, label, t }: { pods: PodChipModel[]; selectedKey: string | undefined; compact: boolean; label: string; t: TFunction<'cluster'> }) {
  const dots = compact || pods.length > COMPACT_LIST;
  return (
    <div className={`pod-grid ${dots ? 'compact' : ''}`} role="list" aria-label={label}>
      {pods.map((p) => (
        <div role="listitem" key={p.key}>
          <PodChip pod={p} selected={p.key === selectedKey} compact={dots} t={t} />
        </div>
      ))}
    </div>
  );
}
