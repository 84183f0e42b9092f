/**
 * Inspector for a Service or an Ingress. A Service: type, ClusterIP, ports (port → targetPort,
 * nodePort), selector, session affinity, external IP, DNS name, the endpoints of its
 * EndpointSlices (pod, IP:port, node, ready/serving/terminating) and the live traffic sent to it.
 * An Ingress: class, address, rules (host, path, pathType → service:port), default backend.
 * "Send traffic" runs the `sim traffic` line a person would type, shown in the terminal.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { objectAt, useStore } from '../../store/index.ts';
import type { KubeObject } from '../../protocol/types.ts';
import { LastAction } from '../actions/LastAction.tsx';
import { useAction } from '../actions/useAction.ts';
import { endpointRows, ENDPOINT_SLICES, ingressSummary, ruleUrl, serviceDnsName, serviceSummary, SERVICES, trafficLine } from '../traffic/networkModel.ts';
import { TrafficTable } from '../traffic/TrafficTable.tsx';
import { Field } from './Field.tsx';

const NONE = Object.freeze({});

interface ServiceSpec {
  ports?: { name?: string; port: number; targetPort?: number | string; nodePort?: number; protocol?: string }[];
  selector?: Record<string, string>;
  sessionAffinity?: string;
}

export function ServiceDetails({ objectKey, kind }: { objectKey: string; kind: 'service' | 'ingress' }) {
  const { t } = useTranslation('network');
  const obj = useStore((s) => objectAt(s, objectKey));
  if (!obj) return <p className="empty">{t('details.gone')}</p>;
  return kind === 'service' ? <ServiceView objectKey={objectKey} svc={obj} /> : <IngressView objectKey={objectKey} ing={obj} />;
}

function SendTraffic({ line }: { line: string }) {
  const { t } = useTranslation('network');
  const { run, running } = useAction();
  return (
    <div className="actions">
      <button type="button" className="btn btn-small" disabled={running} title={t('details.sendHint', { line })} onClick={() => void run(line)}>
        {t('details.sendTraffic')}
      </button>
      <LastAction />
    </div>
  );
}

function ServiceView({ objectKey, svc }: { objectKey: string; svc: KubeObject }) {
  const { t } = useTranslation('network');
  const slices = useStore((s) => s.byResource[ENDPOINT_SLICES] ?? NONE);
  const name = svc.metadata.name;
  const ns = svc.metadata.namespace ?? 'default';
  const sum = useMemo(() => serviceSummary({ [SERVICES]: { [objectKey]: svc }, [ENDPOINT_SLICES]: slices }, objectKey, svc), [objectKey, svc, slices]);
  const rows = useMemo(() => endpointRows({ [ENDPOINT_SLICES]: slices }, ns, name), [slices, ns, name]);
  const target = `service/${name}`;
  const traffic = useStore((s) => s.traffic).filter((g) => g.target === target);
  const spec = (svc.spec ?? {}) as ServiceSpec;
  const selector = Object.entries(spec.selector ?? {});
  const podKey = (pod: string, podNs: string) => `pods/${podNs}/${pod}`;
  return (
    <div className="details net-details" data-testid="service-details">
      <h3 className="details-title"><span className="net-kind">{t('details.service')}</span> {ns}/{name}</h3>
      <dl className="fields">
        <Field label={t('details.type')}>{sum.type}</Field>
        <Field label={t('details.clusterIP')}><span className="mono">{sum.clusterIP}</span></Field>
        {sum.externalIP !== '<none>' && <Field label={t('details.externalIP')}><span className="mono">{sum.externalIP}</span></Field>}
        <Field label={t('details.ports')}>
          {(spec.ports ?? []).length === 0 ? t('details.none') : (
            <ul className="plain-list mono">
              {(spec.ports ?? []).map((p) => (
                <li key={`${p.port}/${p.protocol ?? 'TCP'}`}>
                  {p.name ? `${p.name}: ` : ''}{t('details.portRow', { port: `${p.port}/${p.protocol ?? 'TCP'}`, target: String(p.targetPort ?? p.port) })}
                  {p.nodePort ? ` · ${t('details.nodePort', { nodePort: p.nodePort })}` : ''}
                </li>
              ))}
            </ul>
          )}
        </Field>
        <Field label={t('details.selector')}>
          {selector.length === 0 ? t('details.none') : <span className="mono">{selector.map(([k, v]) => `${k}=${v}`).join(',')}</span>}
        </Field>
        <Field label={t('details.affinity')}>{spec.sessionAffinity ?? 'None'}</Field>
        <Field label={t('details.dns')}><span className="mono" title={t('details.dnsHint')}>{serviceDnsName(name, ns)}</span></Field>
      </dl>
      <h4>{t('details.endpoints', { ready: sum.ready, total: sum.total })}</h4>
      {rows.length === 0 ? (
        <p className="net-warn">{sum.selectorless ? t('details.noSelectorEndpoints') : t('details.noEndpoints')}</p>
      ) : (
        <>
          <p className="net-hint">{t('details.endpointsHint')}</p>
          {/* Narrow inspector: the pod's name over its node and IP:port, then the three conditions. */}
          <table className="mini-table endpoints-table" data-testid="endpoints-table">
            <thead>
              <tr>
                <th scope="col">{t('details.col.pod')} · {t('details.col.node')} · {t('details.col.address')}</th>
                <th scope="col">{t('details.col.conditions')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.address} data-testid="endpoint" data-pod={r.pod} data-ready={r.ready} data-serving={r.serving} data-terminating={r.terminating} className={r.ready ? undefined : 'endpoint-not-ready'}>
                  <td className="mono">
                    {r.pod ? <button type="button" className="link-button ep-pod" onClick={() => useStore.getState().select({ kind: 'pod', key: podKey(r.pod!, r.podNamespace ?? ns) })}>{r.pod}</button> : '—'}
                    <div className="ep-where">{r.node ?? '—'} · {r.targets.join(', ')}</div>
                  </td>
                  <td>
                    <ul className="ep-conds">
                      <li className={r.ready ? 'cond-ok' : 'cond-bad'}>{t('details.col.ready')}</li>
                      <li className={r.serving ? 'cond-ok' : 'cond-bad'}>{t('details.col.serving')}</li>
                      {r.terminating && <li className="cond-term">{t('details.col.terminating')}</li>}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      <h4>{t('details.traffic')}</h4>
      {sum.type !== 'ExternalName' && <SendTraffic line={trafficLine({ target, namespace: ns === 'default' ? undefined : ns }, 5, 60)} />}
      {traffic.length === 0 ? <p className="net-hint">{t('details.noTraffic')}</p> : [...traffic].reverse().map((g) => <TrafficTable key={g.id} status={g} compact />)}
    </div>
  );
}

function IngressView({ objectKey, ing }: { objectKey: string; ing: KubeObject }) {
  const { t } = useTranslation('network');
  const sum = useMemo(() => ingressSummary(objectKey, ing), [objectKey, ing]);
  const urls = new Set(sum.rules.map((r) => ruleUrl(r, sum.address)));
  const traffic = useStore((s) => s.traffic).filter((g) => urls.has(g.target) || [...urls].some((u) => g.target.startsWith(u)));
  const first = sum.rules[0];
  const select = (svc: string) => useStore.getState().select({ kind: 'service', key: `services/${sum.namespace}/${svc}` });
  return (
    <div className="details net-details" data-testid="ingress-details">
      <h3 className="details-title"><span className="net-kind">{t('details.ingress')}</span> {sum.namespace}/{sum.name}</h3>
      <dl className="fields">
        <Field label={t('details.className')}>{sum.className}</Field>
        <Field label={t('details.address')}>{sum.address ? <span className="mono">{sum.address}</span> : <em>{t('details.addressPending')}</em>}</Field>
        <Field label={t('details.ports')}><span className="mono">{sum.ports}</span></Field>
        {sum.defaultBackend && <Field label={t('details.defaultBackend')}><span className="mono">{sum.defaultBackend}</span></Field>}
      </dl>
      <h4>{t('details.rules')}</h4>
      <p className="net-hint">{t('details.ingressHint')}</p>
      {sum.rules.length === 0 ? <p className="empty">{t('details.noRules')}</p> : (
        <table className="mini-table" data-testid="rules-table">
          <thead>
            <tr>
              <th scope="col">{t('details.host')}</th>
              <th scope="col">{t('details.path')}</th>
              <th scope="col">{t('details.pathType')}</th>
              <th scope="col">{t('details.backend')}</th>
            </tr>
          </thead>
          <tbody>
            {sum.rules.map((r, i) => (
              <tr key={i}>
                <td className="mono">{r.host}</td>
                <td className="mono">{r.path}</td>
                <td className="mono">{r.pathType}</td>
                <td className="mono"><button type="button" className="link-button" onClick={() => select(r.service)}>{r.service}:{r.port}</button></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h4>{t('details.traffic')}</h4>
      {first && <SendTraffic line={trafficLine({ target: ruleUrl(first, sum.address) }, 5, 60)} />}
      {traffic.length === 0 ? <p className="net-hint">{t('details.noTraffic')}</p> : [...traffic].reverse().map((g) => <TrafficTable key={g.id} status={g} compact />)}
    </div>
  );
}
