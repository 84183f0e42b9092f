/** The inspector: details of the selected pod, node, Deployment, ReplicaSet or span ("desired vs current", "why"). */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from '../../store/index.ts';
import { NodeDetails } from './NodeDetails.tsx';
import { PodInspector, type PodTab } from './PodInspector.tsx';
import { SpanDetails } from './SpanDetails.tsx';
import { WorkloadDetails } from './WorkloadDetails.tsx';
import { ConfigObjectDetails } from './ConfigObjectDetails.tsx';
import { ServiceDetails } from './ServiceDetails.tsx';

export function Inspector() {
  const { t } = useTranslation('inspector');
  const selection = useStore((s) => s.selection);
  const select = useStore((s) => s.select);
  // The pod tab survives selecting another pod: a class comparing Pending pods stays on Scheduling.
  const [podTab, setPodTab] = useState<PodTab>('details');
  return (
    <section className={`panel inspector-panel${selection ? '' : ' is-empty'}`} aria-labelledby="inspector-title" data-testid="inspector">
      <h2 id="inspector-title" className="panel-title">
        {t('title')}
        {selection && (
          <button type="button" className="link-button" onClick={() => select(undefined)}>{t('close')}</button>
        )}
      </h2>
      <div className="inspector-body" tabIndex={0} aria-label={t('title')}>
        {!selection && <p className="empty">{t('empty')}</p>}
        {selection?.kind === 'pod' && <PodInspector podKey={selection.key} tab={podTab} onTab={setPodTab} />}
        {selection?.kind === 'node' && <NodeDetails nodeKey={selection.key} />}
        {selection?.kind === 'span' && (
          <SpanDetails
            spanId={Number(selection.key)}
            onExplain={(key) => {
              setPodTab('scheduling');
              select({ kind: 'pod', key });
            }}
          />
        )}
        {(selection?.kind === 'deployment' || selection?.kind === 'replicaset') && (
          <WorkloadDetails key={selection.key} objectKey={selection.key} kind={selection.kind} />
        )}
        {(selection?.kind === 'configmap' || selection?.kind === 'secret') && (
          <ConfigObjectDetails key={selection.key} objectKey={selection.key} kind={selection.kind} />
        )}
        {(selection?.kind === 'service' || selection?.kind === 'ingress') && (
          <ServiceDetails key={selection.key} objectKey={selection.key} kind={selection.kind} />
        )}
      </div>
    </section>
  );
}
