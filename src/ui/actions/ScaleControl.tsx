/** − / replicas / + for a Deployment or ReplicaSet: each change runs `kubectl scale …`. */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { scaleLine } from './commands.ts';
import { useAction } from './useAction.ts';

/** Largest replica count the control offers (the engine takes more from the terminal). */
const MAX_REPLICAS = 1000;

export function ScaleControl({ kind, name, namespace, replicas }: { kind: 'deployment' | 'replicaset'; name: string; namespace?: string; replicas: number }) {
  const { t } = useTranslation('inspector');
  const { run, running } = useAction();
  const [value, setValue] = useState(String(replicas));
  // The field follows spec.replicas when something else scales it (the terminal, an undo).
  useEffect(() => setValue(String(replicas)), [replicas]);
  const scaleTo = (n: number) => {
    if (!Number.isFinite(n) || n < 0 || n > MAX_REPLICAS) return;
    setValue(String(n));
    void run(scaleLine(kind, name, n, namespace));
  };
  const parsed = /^\d+$/.test(value.trim()) ? Number(value.trim()) : NaN;
  const invalid = !(parsed >= 0 && parsed <= MAX_REPLICAS);
  return (
    <form
      className="scale-control"
      role="group"
      aria-label={t('actions.scaleGroup')}
      onSubmit={(e) => {
        e.preventDefault();
        if (!invalid) scaleTo(parsed);
      }}
    >
      <button type="button" className="btn btn-small" aria-label={t('actions.scaleDown')} disabled={running || replicas <= 0} onClick={() => scaleTo(replicas - 1)}>−</button>
      <input
        className="scale-input"
        type="number"
        inputMode="numeric"
        min={0}
        max={MAX_REPLICAS}
        aria-label={t('actions.replicas')}
        aria-invalid={invalid}
        value={value}
        onChange={(e) => setValue(e.target.value)}
      />
      <button type="button" className="btn btn-small" aria-label={t('actions.scaleUp')} disabled={running || replicas >= MAX_REPLICAS} onClick={() => scaleTo(replicas + 1)}>+</button>
      <button type="submit" className="btn" disabled={running || invalid || parsed === replicas}>{t('actions.scale')}</button>
    </form>
  );
}
