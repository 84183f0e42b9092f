/**
 * The Add node dialog: name, capacity, labels and taints → `sim node add …`. The draft lives
 * outside the dialog, so closing it, a refusal or a typo never loses what was typed; it is
 * cleared only once the node was added.
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { create } from 'zustand';
import { useStore } from '../../store/index.ts';
import { addNodeLine, DEFAULTS, emptyForm, TAINT_EFFECTS, validateAddNode, type AddNodeForm, type TaintEffect } from './addNodeForm.ts';
import { useAction } from './useAction.ts';

export const useAddNodeDraft = create<{ form: AddNodeForm; set(f: AddNodeForm): void }>((set) => ({
  form: emptyForm(),
  set: (form) => set({ form }),
}));

function FieldError({ id, error }: { id: string; error?: string }) {
  return error ? <span id={id} className="field-error" role="alert">{error}</span> : null;
}

export function AddNodeDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation('nodes');
  const uid = useId();
  const form = useAddNodeDraft((s) => s.form);
  const setForm = useAddNodeDraft((s) => s.set);
  const nodes = useStore((s) => s.nodes);
  const existing = useMemo(() => new Set(nodes.map((n) => n.metadata.name)), [nodes]);
  const [touched, setTouched] = useState(false);
  const [refusal, setRefusal] = useState<string>();
  const { run, running } = useAction();
  const first = useRef<HTMLInputElement>(null);
  const errors = validateAddNode(form, existing);
  const errorCount = Object.keys(errors).length;
  // Before the first submit, an empty required field (a row just added) is not an error yet.
  const shown = touched ? errors : Object.fromEntries(Object.entries(errors).filter(([, m]) => !m.startsWith('Required value')));
  const line = errorCount === 0 ? addNodeLine(form) : undefined;

  useEffect(() => first.current?.focus(), []);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  const patch = (p: Partial<AddNodeForm>) => {
    setRefusal(undefined);
    setForm({ ...form, ...p });
  };
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (!line) return;
    const r = await run(line);
    if (r.exitCode === 0) {
      setForm(emptyForm());
      onClose();
    } else setRefusal(`${r.stderr}${r.stdout}`.trim());
  };
  const err = (k: string) => shown[k];
  const described = (k: string) => (err(k) ? { 'aria-invalid': true, 'aria-describedby': `${uid}-${k}` } : {});

  return (
    <div className="modal-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <form className="modal add-node" role="dialog" aria-modal="true" aria-labelledby={`${uid}-title`} onSubmit={(e) => void submit(e)} noValidate>
        <h2 id={`${uid}-title`}>{t('add.title')}</h2>
        <p className="modal-intro">{t('add.intro')}</p>
        <div className="form-grid">
          <label htmlFor={`${uid}-name`}>{t('add.name')}</label>
          <div>
            <input id={`${uid}-name`} ref={first} className="mono" value={form.name} placeholder="worker-4" autoComplete="off" spellCheck={false} onChange={(e) => patch({ name: e.target.value })} {...described('name')} />
            <FieldError id={`${uid}-name`} error={err('name')} />
          </div>
          {(['cpu', 'memory', 'pods'] as const).map((f) => (
            <div key={f} className="form-row-pair">
              <label htmlFor={`${uid}-${f}`}>{t(`add.${f}`)}</label>
              <div>
                <input id={`${uid}-${f}`} className="mono short" value={form[f]} placeholder={DEFAULTS[f]} spellCheck={false} onChange={(e) => patch({ [f]: e.target.value })} {...described(f)} />
                <span className="field-hint">{t('add.defaultHint', { value: DEFAULTS[f] })}</span>
                <FieldError id={`${uid}-${f}`} error={err(f)} />
              </div>
            </div>
          ))}
        </div>

        <fieldset>
          <legend>{t('add.labels')}</legend>
          {form.labels.map((l, i) => (
            <div key={i} className="kv-row" role="group" aria-label={t('add.labelRow', { n: i + 1 })}>
              <input className="mono" aria-label={`${t('add.labelRow', { n: i + 1 })} ${t('add.key')}`} placeholder="topology.kubernetes.io/zone" value={l.key} spellCheck={false}
                onChange={(e) => patch({ labels: form.labels.map((x, j) => (j === i ? { ...x, key: e.target.value } : x)) })} {...described(`labels.${i}.key`)} />
              <span aria-hidden="true">=</span>
              <input className="mono" aria-label={`${t('add.labelRow', { n: i + 1 })} ${t('add.value')}`} placeholder="zone-a" value={l.value} spellCheck={false}
                onChange={(e) => patch({ labels: form.labels.map((x, j) => (j === i ? { ...x, value: e.target.value } : x)) })} {...described(`labels.${i}.value`)} />
              <button type="button" className="btn btn-small" aria-label={t('add.removeLabel', { n: i + 1 })} onClick={() => patch({ labels: form.labels.filter((_, j) => j !== i) })}>✕</button>
              <FieldError id={`${uid}-labels.${i}.key`} error={err(`labels.${i}.key`)} />
              <FieldError id={`${uid}-labels.${i}.value`} error={err(`labels.${i}.value`)} />
            </div>
          ))}
          <button type="button" className="btn btn-small btn-plain" onClick={() => patch({ labels: [...form.labels, { key: '', value: '' }] })}>+ {t('add.addLabel')}</button>
        </fieldset>

        <fieldset>
          <legend>{t('add.taints')}</legend>
          {form.taints.map((tn, i) => (
            <div key={i} className="kv-row" role="group" aria-label={t('add.taintRow', { n: i + 1 })}>
              <input className="mono" aria-label={`${t('add.taintRow', { n: i + 1 })} ${t('add.key')}`} placeholder="dedicated" value={tn.key} spellCheck={false}
                onChange={(e) => patch({ taints: form.taints.map((x, j) => (j === i ? { ...x, key: e.target.value } : x)) })} {...described(`taints.${i}.key`)} />
              <span aria-hidden="true">=</span>
              <input className="mono" aria-label={`${t('add.taintRow', { n: i + 1 })} ${t('add.value')}`} placeholder="gpu" value={tn.value} spellCheck={false}
                onChange={(e) => patch({ taints: form.taints.map((x, j) => (j === i ? { ...x, value: e.target.value } : x)) })} {...described(`taints.${i}.value`)} />
              <span aria-hidden="true">:</span>
              <select aria-label={`${t('add.taintRow', { n: i + 1 })} ${t('add.effect')}`} value={tn.effect}
                onChange={(e) => patch({ taints: form.taints.map((x, j) => (j === i ? { ...x, effect: e.target.value as TaintEffect } : x)) })}>
                {TAINT_EFFECTS.map((ef) => <option key={ef} value={ef}>{ef}</option>)}
              </select>
              <button type="button" className="btn btn-small" aria-label={t('add.removeTaint', { n: i + 1 })} onClick={() => patch({ taints: form.taints.filter((_, j) => j !== i) })}>✕</button>
              <FieldError id={`${uid}-taints.${i}.key`} error={err(`taints.${i}.key`)} />
              <FieldError id={`${uid}-taints.${i}.value`} error={err(`taints.${i}.value`)} />
            </div>
          ))}
          <button type="button" className="btn btn-small btn-plain" onClick={() => patch({ taints: [...form.taints, { key: '', value: '', effect: 'NoSchedule' }] })}>+ {t('add.addTaint')}</button>
        </fieldset>

        <div className="modal-command">
          <span>{t('add.command')}</span>
          {line ? <code className="mono" data-testid="add-node-line">$ {line}</code> : <span className="modal-pending">{t('add.invalid', { count: errorCount })}</span>}
        </div>
        {refusal && <p className="field-error" role="alert">{t('add.failed')} <span className="mono">{refusal}</span></p>}
        {touched && errorCount > 0 && <p className="field-error" role="alert">{t('add.invalid', { count: errorCount })}</p>}
        <div className="modal-buttons">
          <button type="button" className="btn" onClick={onClose}>{t('add.cancel')}</button>
          <button type="submit" className="btn btn-primary" disabled={running}>{t('add.submit')}</button>
        </div>
      </form>
    </div>
  );
}
