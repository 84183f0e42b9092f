/** The pods of one node card (or of the unscheduled lane) as a list of chips. */
import type { TFunction } from 'i18next';
import type { PodChipModel } from './podChipModel.ts';
import { PodChip } from './PodChip.tsx';

export function PodList({ pods, selectedKey, compact, label, t }: { pods: PodChipModel[]; selectedKey: string | undefined; compact: boolean; label: string; t: TFunction<'cluster'> }) {
  return (
    <div className={`pod-grid ${compact ? 'compact' : ''}`} role="list" aria-label={label}>
      {pods.map((p) => (
        <div role="listitem" key={p.key}>
          <PodChip pod={p} selected={p.key === selectedKey} compact={compact} t={t} />
        </div>
      ))}
    </div>
  );
}
