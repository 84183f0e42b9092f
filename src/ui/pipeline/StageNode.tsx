/**
 * One pipeline stage: a large, high-contrast box that lights up (framer-motion) while a hop
 * starts or ends here. Clicking it selects its last hop, so the inspector shows the payload.
 */
import { memo } from 'react';
import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import { motion, useReducedMotion } from 'framer-motion';
import { useTranslation } from 'react-i18next';
import { COMPACT, ROOMY, type Stage } from './layout.ts';
import { selectLastHop, useStageActive, useStageNode } from './useHops.ts';
import { KubeletRows } from './KubeletRows.tsx';

export type StageNodeData = { stage: Stage; compact: boolean };
export type StageNodeType = Node<StageNodeData, 'stage'>;

const SIDES = [
  ['top', Position.Top],
  ['right', Position.Right],
  ['bottom', Position.Bottom],
  ['left', Position.Left],
] as const;

const ACTIVE_SHADOW = '0 0 0 4px rgba(255, 213, 74, 1), 0 0 32px 4px rgba(255, 213, 74, 0.5)';
const IDLE_SHADOW = '0 0 0 0px rgba(255, 213, 74, 0), 0 0 0px 0px rgba(255, 213, 74, 0)';

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
  const reduce = useReducedMotion();
  const label = t(`stage.${stage}.label`);
  const role = t(`stage.${stage}.role`);

  return (
    <motion.div
      className={`stage stage-${stage}${compact ? ' compact' : ''}${active ? ' is-active' : ''}`}
      data-testid={`stage-${stage}`}
      data-active={active ? 'true' : 'false'}
      data-node={node}
      initial={false}
      animate={{ scale: active && !reduce ? 1.045 : 1, boxShadow: active ? ACTIVE_SHADOW : IDLE_SHADOW }}
      transition={reduce ? { duration: 0 } : { type: 'spring', stiffness: 420, damping: 26 }}
    >
      <Handles />
      <button
        type="button"
        className="stage-button nodrag nopan"
        title={t('stage.select', { role })}
        onClick={() => selectLastHop(stage)}
      >
        <span className="stage-label">{label}</span>
        <span className="stage-role">{role}</span>
        {stage === 'runtime' && node && <span className="stage-node">{t('stage.onNode', { node })}</span>}
      </button>
      {stage === 'kubelet' && <KubeletRows geometry={compact ? COMPACT : ROOMY} />}
    </motion.div>
  );
}

/** React Flow node type `stage`. */
export const StageNode = memo(StageNodeImpl);
