/**
 * Services and Ingresses in the cluster view, one compact chip each: a Service's type, ClusterIP,
 * ports and ready/total endpoints (red when none is ready: requests to it fail); an Ingress's
 * first rule (host/path → service:port) and address. Selecting one marks the pods behind it on
 * the node cards (store/links.ts). The built-in `kubernetes` Service is shown last, dimmed: it is
 * real (pods reach the API server through it) but not the student's.
 */
import { memo, useMemo } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useStore, type Selection } from '../../store/index.ts';
import { ENDPOINT_SLICES, INGRESSES, ingressSummaries, SERVICES, serviceSummaries, type IngressSummary, type ServiceSummary } from '../traffic/networkModel.ts';

const NONE = Object.freeze({});

function toggle(sel: Selection, selected: boolean) {
  useStore.getState().select(selected ? undefined : sel);
}

function endpointTone(s: ServiceSummary): string {
  if (s.ready === 0) return 'badge-bad';
  return s.ready < s.total ? 'badge-busy' : 'badge-ok';
}

const ServiceChip = memo(function ServiceChip({ svc, t }: { svc: ServiceSummary; t: TFunction<'network'> }) {
  const selected = useStore((s) => s.selection?.kind === 'service' && s.selection.key === svc.key);
  const ip = svc.type === 'ExternalName' ? svc.externalIP : svc.clusterIP;
  // The accessible name is the visible text plus hidden words ("Service", the type), so it
  // contains what is seen (WCAG 2.5.3); the sentence form goes in the title.
  const description = svc.builtin
    ? `${t('strip.builtin', { name: svc.name, ip })} ${t('strip.builtinHint')}`
    : t(svc.selectorless ? 'strip.serviceNoSelector' : 'strip.service', { name: svc.name, type: svc.type, ip, ports: svc.ports, ready: svc.ready, total: svc.total });
  const external = svc.type === 'LoadBalancer' || (svc.externalIP !== '<none>' && svc.type !== 'ExternalName');
  return (
    <button
      type="button"
      className={`net-chip svc-chip${svc.builtin ? ' is-builtin' : ''}${!svc.builtin && !svc.selectorless && svc.ready === 0 ? ' no-ready' : ''}`}
      data-testid="service"
      data-name={svc.name}
      data-namespace={svc.namespace}
      data-type={svc.type}
      data-cluster-ip={svc.clusterIP}
      data-ready={svc.ready}
      data-total={svc.total}
      aria-pressed={selected}
      title={description}
      onClick={() => toggle({ kind: 'service', key: svc.key }, selected)}
    >
      {/* Spaces between the parts: the accessible name reads "Service web ClusterIP 10.96.… 80/TCP 3/3 ready". */}
      <span className="net-kind" aria-hidden="true">svc</span>
      <span className="visually-hidden">Service </span>
      <span className="net-name mono">{svc.name}</span>{' '}
      {svc.type !== 'ClusterIP' ? <span className="net-type">{svc.type}</span> : <span className="visually-hidden">ClusterIP</span>}{' '}
      <span className="net-ip mono">{ip}</span>{' '}
      {!svc.builtin && <span className="net-ports mono">{svc.ports}</span>}{' '}
      {external && svc.type === 'LoadBalancer' && <><span className="net-ext mono">⇢ {svc.externalIP}</span>{' '}</>}
      {!svc.builtin && (
        svc.selectorless
          ? <span className="badge">{t('strip.noSelector')}</span>
          : <span className={`badge ${endpointTone(svc)}`}>{svc.total === 0 ? t('strip.noEndpoints') : t('strip.endpoints', { ready: svc.ready, total: svc.total })}</span>
      )}
    </button>
  );
});

const IngressChip = memo(function IngressChip({ ing, t }: { ing: IngressSummary; t: TFunction<'network'> }) {
  const selected = useStore((s) => s.selection?.kind === 'ingress' && s.selection.key === ing.key);
  const first = ing.rules[0];
  const route = first ? `${first.host === '*' ? '' : first.host}${first.path} → ${first.service}:${first.port}` : ing.defaultBackend ? `* → ${ing.defaultBackend}` : '—';
  const more = Math.max(0, ing.rules.length - 1);
  const description = t('strip.ingress', {
    name: ing.name,
    rules: ing.rules.map((r) => `${r.host}${r.path} → ${r.service}:${r.port}`).join(', ') || route,
    address: ing.address ? t('strip.ingressAt', { address: ing.address }) : '',
  });
  return (
    <button
      type="button"
      className="net-chip ing-chip"
      data-testid="ingress"
      data-name={ing.name}
      data-namespace={ing.namespace}
      data-address={ing.address || undefined}
      aria-pressed={selected}
      title={description}
      onClick={() => toggle({ kind: 'ingress', key: ing.key }, selected)}
    >
      <span className="net-kind" aria-hidden="true">ing</span>
      <span className="visually-hidden">Ingress </span>
      <span className="net-name mono">{ing.name}</span>{' '}
      <span className="net-route mono">{route}</span>{' '}
      {more > 0 && <><span className="net-more">{t('strip.more', { count: more })}</span>{' '}</>}
      {ing.address && <span className="net-ip mono">{ing.address}</span>}
    </button>
  );
});

export function ServicesStrip() {
  const { t } = useTranslation('network');
  const services = useStore((s) => s.byResource[SERVICES] ?? NONE);
  const slices = useStore((s) => s.byResource[ENDPOINT_SLICES] ?? NONE);
  const ingresses = useStore((s) => s.byResource[INGRESSES] ?? NONE);
  const svcs = useMemo(() => serviceSummaries({ [SERVICES]: services, [ENDPOINT_SLICES]: slices }), [services, slices]);
  const ings = useMemo(() => ingressSummaries({ [INGRESSES]: ingresses }), [ingresses]);
  if (svcs.length === 0 && ings.length === 0) return null;
  return (
    <div className="net-strip" role="region" aria-label={t('strip.label')} data-testid="services-strip">
      {ings.map((i) => <IngressChip key={i.key} ing={i} t={t} />)}
      {svcs.map((s) => <ServiceChip key={s.key} svc={s} t={t} />)}
    </div>
  );
}
