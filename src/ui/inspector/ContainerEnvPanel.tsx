/**
 * The pod inspector's "Environment & files" tab: what a running container sees, asked from its
 * kubelet (Cluster.containerView). Each variable with its value and where it came from
 * (a ConfigMap or Secret key, a literal, a pod field, a Service link, the runtime), frozen at the
 * container's start; each mounted file with its source and content as it is now.
 */
import { useEffect, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { clockText } from '../../protocol/format.ts';
import type { ContainerView } from '../../protocol/types.ts';
import { objectAt, useStore } from '../../store/index.ts';
import { sourceText } from './ContainerEnvText.ts';
import './config.css';

type Env = ContainerView['env'][number];
type File = ContainerView['files'][number];

/** A secret's value: masked until its Reveal button is pressed. */
function Masked({ label, value, t }: { label: string; value: string; t: TFunction<'config'> }) {
  const [shown, setShown] = useState(false);
  return (
    <>
      {shown ? <span className="cfg-value">{value}</span> : (
        <span className="cfg-masked"><span aria-hidden="true">••••••</span><span className="visually-hidden">{t('details.hiddenValue')}</span></span>
      )}
      <button type="button" className="cfg-reveal" aria-pressed={shown} aria-label={t(shown ? 'details.hide' : 'details.reveal', { key: label })} onClick={() => setShown(!shown)}>
        {t(shown ? 'details.hideShort' : 'details.revealShort')}
      </button>
    </>
  );
}

const preview = (s: string) => {
  const lines = s.split('\n');
  const head = lines.slice(0, 4).join('\n');
  return head.length > 240 ? `${head.slice(0, 240)}…` : lines.length > 4 ? `${head}\n…` : head;
};

function EnvRow({ e, t }: { e: Env; t: TFunction<'config'> }) {
  const ambient = e.source.type === 'runtime' || e.source.type === 'serviceLink';
  return (
    <tr data-env={e.name} className={ambient ? 'is-ambient' : undefined}>
      <th scope="row" className="cfg-col-key mono">{e.name}</th>
      <td>
        {e.source.type === 'secret' ? <Masked label={e.name} value={e.value} t={t} /> : <span className="cfg-value">{e.value}</span>}
        <span className={`cfg-src cfg-src-${e.source.type}`}>{sourceText(t, e.source)}</span>
      </td>
    </tr>
  );
}

function FileRow({ f, t }: { f: File; t: TFunction<'config'> }) {
  const secret = f.source.type === 'secret' || f.source.type === 'serviceAccount';
  return (
    <tr data-file={f.path}>
      <td colSpan={2}>
        <span className="cfg-path mono">{f.path}</span>{f.subPath && <span className="cfg-frozen">{t('env.frozen')}</span>}
        <span className={`cfg-src cfg-src-${f.source.type}`}>{sourceText(t, f.source, true)}</span>
        {secret ? <Masked label={f.path} value={preview(f.value)} t={t} /> : <span className="cfg-value cfg-file">{preview(f.value)}</span>}
      </td>
    </tr>
  );
}

export function ContainerEnvPanel({ podKey }: { podKey: string }) {
  const { t } = useTranslation('config');
  const pod = useStore((s) => objectAt(s, podKey)) as { metadata: { name: string; namespace?: string; resourceVersion?: string }; spec?: { containers?: { name: string }[] } } | undefined;
  // Mounted files change with the kubelet's sync, not with the pod: look again every 5 s of virtual time.
  const tick = useStore((s) => Math.floor(s.playback.now / 5000));
  const names = (pod?.spec?.containers ?? []).map((c) => c.name);
  const [picked, setPicked] = useState<string | undefined>(undefined);
  const container = picked && names.includes(picked) ? picked : names[0];
  const [view, setView] = useState<ContainerView | undefined | 'loading'>('loading');
  const [showAmbient, setShowAmbient] = useState(false);
  const ns = pod?.metadata.namespace ?? 'default';
  const name = pod?.metadata.name;
  const rv = pod?.metadata.resourceVersion;
  useEffect(() => {
    if (!name) return;
    let live = true;
    void useStore.getState().containerView(ns, name, container).then((v) => { if (live) setView(v); });
    return () => { live = false; };
  }, [ns, name, container, rv, tick]);
  if (!pod) return null;
  const own = view && view !== 'loading' ? view.env.filter((e) => e.source.type !== 'runtime' && e.source.type !== 'serviceLink') : [];
  const ambient = view && view !== 'loading' ? view.env.filter((e) => e.source.type === 'runtime' || e.source.type === 'serviceLink') : [];
  const showAll = showAmbient || own.length === 0;
  return (
    <div className="details cfg-env" data-testid="container-env" data-container={container}>
      {names.length > 1 && (
        <label>{t('env.container')}
          <select value={container} onChange={(e) => setPicked(e.target.value)}>
            {names.map((n) => <option key={n} value={n}>{n}</option>)}
          </select>
        </label>
      )}
      {view === 'loading' && <p className="empty">{t('env.loading')}</p>}
      {view === undefined && <p className="empty">{t('env.notRunning', { container })}</p>}
      {view && view !== 'loading' && (
        <>
          <p className="cfg-hint">{t('env.startedAt', { time: view.startedAt !== undefined ? `t=${clockText(view.startedAt)}` : '—' })}</p>
          <h4>{t('env.variables')}</h4>
          <table className="cfg-table" data-testid="env-table">
            <thead><tr><th className="cfg-col-key">{t('env.name')}</th><th>{t('env.valueSource')}</th></tr></thead>
            <tbody>
              {own.map((e) => <EnvRow key={e.name} e={e} t={t} />)}
              {showAll && ambient.map((e) => <EnvRow key={e.name} e={e} t={t} />)}
            </tbody>
          </table>
          {own.length > 0 && ambient.length > 0 && (
            <button type="button" className="link-button inline cfg-toggle" aria-expanded={showAmbient} onClick={() => setShowAmbient(!showAmbient)}>
              {showAmbient ? t('env.hideRuntime') : t('env.showRuntime', { count: ambient.length })}
            </button>
          )}
          <h4>{t('env.files')}</h4>
          {view.files.length === 0 ? <p className="empty">{t('env.noFiles')}</p> : (
            <table className="cfg-table" data-testid="files-table">
              <tbody>{view.files.map((f) => <FileRow key={f.path} f={f} t={t} />)}</tbody>
            </table>
          )}
        </>
      )}
    </div>
  );
}
