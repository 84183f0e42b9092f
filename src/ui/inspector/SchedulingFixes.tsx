/** A Pending pod's reason histogram and "what would fix it", each fix with its command or YAML. */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { SchedulingExplanation } from '../../protocol/types.ts';
import { objectAt, reasonHistogram, useStore } from '../../store/index.ts';
import { fixSuggestions, type Fix } from './schedulingFixes.ts';

export function SchedulingFixes({ e, podKey }: { e: SchedulingExplanation; podKey: string }) {
  const { t } = useTranslation('scheduling');
  const pod = useStore((s) => objectAt(s, podKey));
  const nodes = useStore((s) => s.nodes);
  const pods = useStore((s) => s.pods);
  const histogram = useMemo(() => reasonHistogram(e), [e]);
  const fixes = useMemo(() => fixSuggestions(e, histogram, pod, nodes, pods), [e, histogram, pod, nodes, pods]);
  return (
    <>
      {histogram.length > 0 && (
        <table className="mini-table sched-histogram" data-testid="reason-histogram">
          <caption>{t('panel.histogram')}</caption>
          <thead>
            <tr>
              <th scope="col" className="num">{t('panel.count')}</th>
              <th scope="col">{t('panel.reason')}</th>
            </tr>
          </thead>
          <tbody>
            {histogram.map((r) => (
              <tr key={r.reason}>
                <td className="num">{r.count}</td>
                <td className="mono">{r.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h4>{t('panel.fixes')}</h4>
      {fixes.length === 0 ? (
        <p className="empty">{t('panel.noFix')}</p>
      ) : (
        <ul className="sched-fixes" data-testid="scheduling-fixes">
          {fixes.map((f, i) => (
            <li key={i} data-fix={f.kind}>
              <FixText fix={f} t={t} />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function Code({ children }: { children: string }) {
  return <pre className="sched-code">{children}</pre>;
}

function FixText({ fix: f, t }: { fix: Fix; t: TFunction<'scheduling'> }) {
  switch (f.kind) {
    case 'toleration':
      return (
        <>
          <p>{t('fix.toleration', { taint: `${f.key}${f.value ? `=${f.value}` : ''}:${f.effect}`, nodes: f.nodes.join(', ') })}</p>
          <Code>{f.yaml}</Code>
          {f.alsoShort.length > 0 && <p className="sched-warn"><span aria-hidden="true">⚠ </span>{t('fix.alsoShort', { nodes: f.nodes.join(', '), resources: f.alsoShort.join(', ') })}</p>}
          {f.controlPlane && <p className="sched-note">{t('fix.tolerationCp')}</p>}
        </>
      );
    case 'lowerRequest':
      return (
        <>
          <p>
            {f.node
              ? t('fix.lowerRequest', { resource: f.resource, request: f.request, free: f.largestFree, node: f.node })
              : t('fix.lowerRequestNoNode', { resource: f.resource, request: f.request })}
          </p>
          <p>{t('fix.addNode')}</p>
          <Code>{f.addNode}</Code>
        </>
      );
    case 'tooManyPods':
      return (
        <>
          <p>{t('fix.tooManyPods')}</p>
          <Code>{f.addNode}</Code>
        </>
      );
    case 'noNodes':
      return (
        <>
          <p>{t('fix.noNodes')}</p>
          <Code>{f.addNode}</Code>
        </>
      );
    case 'labelNode':
      return (
        <>
          <p>{t('fix.labelNode', { label: f.label })}</p>
          <Code>{f.command}</Code>
        </>
      );
    case 'uncordon':
      return (
        <>
          <p>{t('fix.uncordon')}</p>
          <Code>{f.commands.join('\n')}</Code>
        </>
      );
    case 'hostPorts':
      return <p>{t('fix.hostPorts', { ports: f.ports || 'hostPort' })}</p>;
    case 'nodeName':
      return <p>{t('fix.nodeName', { nodeName: f.nodeName })}</p>;
    case 'other':
      return <p>{t('fix.other', { reason: f.reason })}</p>;
    default:
      return <p>{t(`fix.${f.kind}`)}</p>;
  }
}
