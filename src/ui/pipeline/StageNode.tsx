/**
 * One pipeline stage: a large, high-contrast box that lights up while a hop starts or ends here
 * (a CSS transition on the one stage that changes: a spring per stage in framer-motion cost a
 * JS animation loop on every hop). Clicking it selects its last hop, so the inspector shows the payload.
 */
import { memo, useMemo } from 'react';
import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import { useTranslation } from 'react-i18next';
import { COMPACT, ROOMY, type Stage } from './layout.ts';
import { selectLastHop, useStageActive, useStageLoop, useStageNode } from './useHops.ts';
import { KubeletRows } from './KubeletRows.tsx';
import { SimplifiedMarker } from './SimplifiedMarker.tsx';

export type StageNodeData = { stage: Stage; compact: boolean };
export type StageNodeType = Node<StageNodeData, 'stage'>;

const SIDES = [
  ['top', Position.Top],
  ['right', Position.Right],
  ['bottom', Position.Bottom],
  ['left', Position.Left],
] as const;

/** Hidden connection points on every side; edges pick `s-<side>` / `t-<side>`. */
function Handles() {
  return (
    <>
      {SIDES.map(([side, pos]) => (
        <Handle key={`s-${side}`} id={`s-${side}`} type="source" position={pos} isConnectable={false} className="stage-handle" />
      ))}
      {SIDES.map(([side, pos]) => (
        <Handle key={`t-${side}`} id={`t-${side}`} type="target" position={pos} isConnectable={false} className="stage-handle" />
      ))}
    </>
  );
}

function StageNodeImpl({ data }: NodeProps<StageNodeType>) {
  const { stage, compact } = data;
  const { t } = useTranslation('pipeline');
  const active = useStageActive(stage);
  const node = useStageNode(stage === 'kubelet' || stage === 'runtime' ? stage : '');
  // Decisions made inside a stage (from and to itself): a controller's sync loop, the scheduler's
  // `schedulingFailed`. They have no edge to travel; the box lights up and names them instead.
  const loop = useStageLoop(stage === 'controller-manager' || stage === 'scheduler' ? stage : '');
  // A stage re-renders each time a hop lights it up; its words change only with the language.
  const { label, role, title } = useMemo(() => {
    const role = t(`stage.${stage}.role`);
    return { label: t(`stage.${stage}.label`), role, title: t('stage.select', { role }) };
  }, [t, stage]);

  // The wrapper does not clip, so the ⓘ marker can sit on the box's corner, clear of the label.
  return (
    <div className="stage-wrap">
    <div
      className={`stage stage-${stage}${compact ? ' compact' : ''}${active ? ' is-active' : ''}`}
      data-testid={`stage-${stage}`}
      data-active={active ? 'true' : 'false'}
      data-node={node}
    >
      <Handles />
      <button
        type="button"
        className="stage-button nodrag nopan"
        title={title}
        onClick={() => selectLastHop(stage)}
      >
        <span className="stage-label">{label}</span>
        <span className="stage-role">{role}</span>
        {stage === 'runtime' && node && <span className="stage-node">{t('stage.onNode', { node })}</span>}
        {loop && <span className="stage-node stage-loop">{loop}</span>}
      </button>
      {stage === 'kubelet' && <KubeletRows geometry={compact ? COMPACT : ROOMY} />}
    </div>
    <SimplifiedMarker stage={stage} label={label} />
    </div>
  );
}

/** React Flow node type `stage`. */
export const StageNode = memo(StageNodeImpl);
