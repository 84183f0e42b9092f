/** The cluster toolbar's Add node button and its dialog. */
import { lazy, Suspense, useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';

const AddNodeDialog = lazy(() => import('./AddNodeDialog.tsx').then((m) => ({ default: m.AddNodeDialog })));

export function AddNodeButton() {
  const { t } = useTranslation('nodes');
  const [open, setOpen] = useState(false);
  const close = useCallback(() => setOpen(false), []);
  return (
    <>
      <button type="button" className="btn btn-small btn-add-node" title={t('add.openHint')} onClick={() => setOpen(true)} aria-haspopup="dialog">
        + {t('add.open')}
      </button>
      {open && (
        <Suspense fallback={null}>
          <AddNodeDialog onClose={close} />
        </Suspense>
      )}
    </>
  );
}
