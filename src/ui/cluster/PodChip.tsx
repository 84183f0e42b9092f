/**
 * One pod as a chip: name, kubectl STATUS and READY; coloured by phase; selectable.
 * Hundreds of these re-render as pods start, so each is as light as it can be: two store
 * subscriptions (its pod, its columns) plus selection, and no i18n hook of its own — the card
 * around it passes `t` (stable until the language changes).
 */
import { memo } from 'react';
import type { TFunction } from 'i18next';
import { useStore } from '../../store/index.ts';
import { podOwner } from '../../store/workloads.ts';
import { podTone } from './nodeInfo.ts';

const toggle = (podKey: string, selected: boolean) => useStore.getState().select(selected ? undefined : { kind: 'pod', key: podKey });

export const PodChip = memo(function PodChip({ podKey, compact = false, t }: { podKey: string; compact?: boolean; t: TFunction<'cluster'> }) {
  const pod = useStore((s) => s.byResource.pods?.[podKey]);
  const cols = useStore((s) => s.podColumns[podKey]);
  const selected = useStore((s) => s.selection?.kind === 'pod' && s.selection.key === podKey);
  // `name role` of the controlling ReplicaSet, as one string so the selector stays a primitive.
  const ownerTag = useStore((s) => {
    const o = podOwner(s.byResource, s.byResource.pods?.[podKey]);
    return o ? `${o.name} ${o.role}` : '';
  });
  if (!pod) return null;
  const [owner, role] = ownerTag ? ownerTag.split(' ') : [];
  const phase = (pod.status as { phase?: string } | undefined)?.phase ?? 'Pending';
  const node = (pod.spec as { nodeName?: string } | undefined)?.nodeName ?? '';
  const status = cols?.status ?? phase;
  const ready = cols?.ready ?? '0/0';
  // Why a pod is still unscheduled (PodScheduled=False, reason Unschedulable): the scheduler's
  // FailedScheduling story belongs on the chip, not only in the events.
  const scheduled = (pod.status as { conditions?: { type: string; status: string; reason?: string; message?: string }[] } | undefined)
    ?.conditions?.find((c) => c.type === 'PodScheduled');
  const why = !node && scheduled?.status === 'False' ? scheduled : undefined;
  const tone = why ? 'warning' : podTone(phase, status);
  return (
    <button
      type="button"
      className={`pod-chip tone-${tone}${compact ? ' dot' : ''}${role ? ` owner-${role}` : ''}`}
      title={compact ? `${pod.metadata.name}  ${status}  ${ready}` : why?.message ?? (owner ? t('pod.owner', { owner }) : undefined)}
      data-testid="pod"
      data-name={pod.metadata.name}
      data-namespace={pod.metadata.namespace ?? 'default'}
      data-node={node}
      data-phase={phase}
      data-status={status}
      data-ready={ready}
      data-owner={owner}
      data-owner-role={role}
      aria-pressed={selected}
      aria-label={compact ? t('pod.label', { name: pod.metadata.name, status, ready }) : undefined}
      onClick={() => toggle(podKey, selected)}
    >
      {!compact && (
        <>
          <span className="pod-name">{pod.metadata.name}</span>
          <span className="pod-meta">
            <span className="pod-status">{status}</span>
            <span className="pod-ready">{ready}</span>
          </span>
          {why && <span className="pod-why">⚠ {why.reason ?? 'Unschedulable'}</span>}
        </>
      )}
    </button>
  );
});
