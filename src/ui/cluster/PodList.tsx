/** The pods of one node card (or of the unscheduled lane) as a list of chips. */
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { PodChipModel } from './podChipModel.ts';
import { PodChip } from './PodChip.tsx';
import { usePodMarks } from '../traffic/podMarks.ts';

/**
 * Past this many pods one list turns into dots on its own, whatever the cluster average: 1,000
 * pending pods in the unscheduled lane would otherwise be 1,000 text chips.
 */
const COMPACT_LIST = 6;

export function PodList({ pods, selectedKey, compact, label, t }: { pods: PodChipModel[]; selectedKey: string | undefined; compact: boolean; label: string; t: TFunction<'cluster'> }) {
  const dots = compact || pods.length > COMPACT_LIST;
  // Link marks (selected Service/ConfigMap…) and traffic hits: one subscription for the list.
  const marks = usePodMarks(pods);
  const { t: tn } = useTranslation('network');
  return (
    <div className={`pod-grid ${dots ? 'compact' : ''}`} role="list" aria-label={label}>
      {pods.map((p) => {
        const m = marks.get(p.key);
        const hitsLabel = m?.hits !== undefined ? tn(m.failing ? 'pod.hitsFailing' : 'pod.hits', { count: m.hits }) : undefined;
        return (
          <div role="listitem" key={p.key}>
            <PodChip pod={p} selected={p.key === selectedKey} compact={dots} t={t} link={m?.link} hits={m?.hits} failing={m?.failing} hitsLabel={hitsLabel} />
          </div>
        );
      })}
    </div>
  );
}
