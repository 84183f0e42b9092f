/** A node: capacity and allocatable, taints, labels, conditions. */
import { useTranslation } from 'react-i18next';
import { objectAt, useStore } from '../../store/index.ts';
import { nodeConditions, nodeInternalIP, nodeResources, nodeRoles, nodeTaints, taintText } from '../cluster/nodeInfo.ts';
import { Field } from './Field.tsx';

export function NodeDetails({ nodeKey }: { nodeKey: string }) {
  const { t } = useTranslation('inspector');
  const node = useStore((s) => objectAt(s, nodeKey));
  if (!node) return <p className="empty">{t('gone')}</p>;
  const { capacity, allocatable } = nodeResources(node);
  const resources = [...new Set([...Object.keys(capacity), ...Object.keys(allocatable)])].sort();
  const taints = nodeTaints(node);
  return (
    <div className="details">
      <h3 className="details-title mono">{node.metadata.name}</h3>
      <dl className="fields">
        <Field label={t('node.roles')}>{nodeRoles(node)}</Field>
        <Field label={t('node.ip')}>{nodeInternalIP(node) ?? '—'}</Field>
      </dl>
      <h4>{t('node.resources')}</h4>
      <table className="mini-table">
        <thead><tr><th scope="col">{t('node.resource')}</th><th scope="col">{t('node.capacity')}</th><th scope="col">{t('node.allocatable')}</th></tr></thead>
        <tbody>
          {resources.map((r) => (
            <tr key={r}><td className="mono">{r}</td><td className="mono">{capacity[r] ?? '—'}</td><td className="mono">{allocatable[r] ?? '—'}</td></tr>
          ))}
        </tbody>
      </table>
      <h4>{t('node.taints')}</h4>
      <ul className="plain-list">
        {taints.length === 0 && <li className="empty">{t('none')}</li>}
        {taints.map((x) => <li key={taintText(x)} className="mono">{taintText(x)}</li>)}
      </ul>
      <h4>{t('node.labels')}</h4>
      <ul className="plain-list">
        {Object.entries(node.metadata.labels ?? {}).map(([k, v]) => <li key={k} className="mono">{k}={v}</li>)}
      </ul>
      <h4>{t('node.conditions')}</h4>
      <ul className="conditions">
        {nodeConditions(node).map((c) => {
          const good = c.type === 'Ready' ? c.status === 'True' : c.status === 'False';
          return (
            <li key={c.type} className={good ? 'cond-ok' : 'cond-bad'}>
              <span className="mono">{c.type}</span> {c.status}{c.reason ? ` (${c.reason})` : ''}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
