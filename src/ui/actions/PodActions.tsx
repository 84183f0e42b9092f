/**
 * What a student can do to a pod: delete it (its ReplicaSet replaces it), crash one of its
 * containers (the kubelet restarts it per restartPolicy), force a probe to fail or pass.
 */
import { useTranslation } from 'react-i18next';
import { deletePodLine, killContainerLine, probeLine, probesOf } from './commands.ts';
import { useAction } from './useAction.ts';

interface ContainerSpec { name: string; startupProbe?: unknown; livenessProbe?: unknown; readinessProbe?: unknown }

export function PodActions({ name, namespace, containers, terminating }: { name: string; namespace?: string; containers: ContainerSpec[]; terminating: boolean }) {
  const { t } = useTranslation('inspector');
  const { run, running } = useAction();
  return (
    <div className="actions" role="group" aria-label={t('actions.title')}>
      <div className="action-row">
        <button type="button" className="btn btn-danger" disabled={running || terminating} onClick={() => void run(deletePodLine(name, namespace))}>
          {t('actions.deletePod')}
        </button>
        <span className="action-hint">{terminating ? t('actions.terminating') : t('actions.deleteHint')}</span>
      </div>
      {containers.map((c) => (
        <div key={c.name} className="action-row">
          <button
            type="button"
            className="btn"
            disabled={running || terminating}
            aria-label={containers.length > 1 ? t('actions.killContainerOf', { container: c.name }) : undefined}
            onClick={() => void run(killContainerLine(name, c.name, namespace))}
          >
            {containers.length > 1 ? t('actions.killContainerOf', { container: c.name }) : t('actions.killContainer')}
          </button>
          {probesOf(c).map((probe) => (
            <span key={probe} className="probe-controls" role="group" aria-label={t('actions.probe', { probe, container: c.name })}>
              <span className="probe-name mono">{probe}</span>
              <button type="button" className="btn btn-small" disabled={running || terminating} aria-label={t('actions.probeFail', { probe, container: c.name })} onClick={() => void run(probeLine(name, c.name, probe, true, namespace))}>
                {t('actions.fail')}
              </button>
              <button type="button" className="btn btn-small" disabled={running || terminating} aria-label={t('actions.probePass', { probe, container: c.name })} onClick={() => void run(probeLine(name, c.name, probe, false, namespace))}>
                {t('actions.pass')}
              </button>
            </span>
          ))}
        </div>
      ))}
    </div>
  );
}
