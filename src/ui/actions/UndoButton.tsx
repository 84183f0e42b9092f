/** Undo rollout: `kubectl rollout undo deployment/NAME` (back to the previous revision). */
import { useTranslation } from 'react-i18next';
import { undoLine } from './commands.ts';
import { useAction } from './useAction.ts';

export function UndoButton({ name, namespace }: { name: string; namespace?: string }) {
  const { t } = useTranslation('inspector');
  const { run, running } = useAction();
  return (
    <button type="button" className="btn" disabled={running} onClick={() => void run(undoLine(name, namespace))} title={undoLine(name, namespace)}>
      {t('actions.undo')}
    </button>
  );
}
