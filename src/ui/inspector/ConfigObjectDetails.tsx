/**
 * Inspector for a ConfigMap or Secret: its keys and values (a Secret's masked until revealed,
 * one key at a time, then shown decoded from base64), its type and immutability, and the pods
 * that use it — through env (which variables) or a volume (where it is mounted).
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { objectAt, useStore } from '../../store/index.ts';
import { configUses } from '../../store/links.ts';
import { Field } from './Field.tsx';
import { decodeSecret } from './ContainerEnvText.ts';
import './config.css';

interface ConfigShape {
  type?: string;
  immutable?: boolean;
  data?: Record<string, string>;
  binaryData?: Record<string, string>;
}

const MASK = '••••••';

function SecretValue({ k, b64 }: { k: string; b64: string }) {
  const { t } = useTranslation('config');
  const [shown, setShown] = useState(false);
  const v = shown ? decodeSecret(b64) : undefined;
  return (
    <>
      {!shown && <span className="cfg-masked"><span aria-hidden="true">{MASK}</span><span className="visually-hidden">{t('details.hiddenValue')}</span></span>}
      {v && (v.binary ? <span className="cfg-hint">{t('details.binary', { bytes: v.bytes })}</span> : <span className="cfg-value" data-testid="secret-value">{v.text}</span>)}
      <button type="button" className="cfg-reveal" aria-pressed={shown} aria-label={t(shown ? 'details.hide' : 'details.reveal', { key: k })} onClick={() => setShown(!shown)}>
        {t(shown ? 'details.hideShort' : 'details.revealShort')}
      </button>
    </>
  );
}

export function ConfigObjectDetails({ objectKey, kind }: { objectKey: string; kind: 'configmap' | 'secret' }) {
  const { t } = useTranslation('config');
  const obj = useStore((s) => objectAt(s, objectKey));
  const pods = useStore((s) => s.byResource.pods);
  const select = useStore((s) => s.select);
  const [, ns = 'default', name = ''] = objectKey.split('/');
  const users = useMemo(() => Object.entries(pods ?? {})
    .filter(([, p]) => (p.metadata.namespace ?? 'default') === ns)
    .map(([key, p]) => ({ key, name: p.metadata.name, uses: configUses(p, kind, name) }))
    .filter((u) => u.uses.length > 0)
    .sort((a, b) => a.name.localeCompare(b.name)), [pods, ns, kind, name]);
  const title = kind === 'configmap' ? 'ConfigMap' : 'Secret';
  if (!obj) return <p className="empty">{t('details.gone')}</p>;
  const o = obj as unknown as ConfigShape;
  const data = Object.entries(o.data ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const binary = Object.entries(o.binaryData ?? {});
  return (
    <div className="details cfg-details" data-testid="config-details" data-kind={title} data-name={name}>
      <h3 className="details-title"><span className="kind-label">{title}</span> <span className="mono">{ns}/{name}</span></h3>
      <dl className="fields">
        {kind === 'secret' && <Field label={t('details.type')}><span className="mono">{o.type ?? 'Opaque'}</span></Field>}
        <Field label={t('details.immutable')}>{o.immutable ? t('details.yes') : t('details.no')}</Field>
      </dl>
      <h4>{t('details.keys')}</h4>
      {kind === 'secret' && data.length > 0 && <p className="cfg-hint">{t('details.masked')}</p>}
      {data.length + binary.length === 0 ? <p className="empty">{t('details.noKeys')}</p> : (
        <table className="cfg-table">
          <tbody>
            {data.map(([k, v]) => (
              <tr key={k} data-key={k}>
                <th scope="row" className="cfg-col-key mono">{k}</th>
                <td>{kind === 'secret' ? <SecretValue k={k} b64={v} /> : <span className="cfg-value">{v}</span>}</td>
              </tr>
            ))}
            {binary.map(([k, v]) => (
              <tr key={k} data-key={k}>
                <th scope="row" className="cfg-col-key mono">{k}</th>
                <td className="cfg-hint">{t('details.binary', { bytes: decodeSecret(v).bytes })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h4>{t('details.usedBy')}</h4>
      {users.length === 0 ? <p className="empty">{t('details.notUsed')}</p> : (
        <ul className="cfg-used" data-testid="config-users">
          {users.map((u) => (
            <li key={u.key} data-pod={u.name}>
              <button type="button" className="link-button inline mono" onClick={() => select({ kind: 'pod', key: u.key })}>{u.name}</button>
              {u.uses.map((x, i) => (
                <span key={i} className={`cfg-via via-${x.via}`}>
                  <span className="mono">{x.container}</span>: {t(x.via === 'env' ? 'details.viaEnv' : 'details.viaVolume', { detail: x.detail })}
                </span>
              ))}
            </li>
          ))}
        </ul>
      )}
      {!o.immutable && <p className="cfg-hint">{t('details.updateNote')}</p>}
    </div>
  );
}
