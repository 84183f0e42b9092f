/**
 * The one screen: header; a side column (editor over inspector) and the stage column
 * (pipeline, the hero, over the cluster and the Events | terminal dock). The pipeline takes
 * whatever height the cluster and the dock leave, so it grows with the screen.
 */
import { MotionConfig } from 'framer-motion';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from '../../store/index.ts';
import { ClusterView } from '../cluster/ClusterView.tsx';
import { EditorPanel } from '../editor/EditorPanel.tsx';
import { Inspector } from '../inspector/Inspector.tsx';
import { PipelineView } from '../pipeline/PipelineView.tsx';
import { BottomTabs } from './BottomTabs.tsx';
import { Header } from './Header.tsx';
import { SpanExpiry } from './SpanExpiry.tsx';
import { WorkerBanner } from './WorkerBanner.tsx';

/** Seed and worker count from the URL (`?seed=7&workers=20`), for lessons and tests. */
function urlOptions(): { seed?: number; workers?: number } {
  const q = new URLSearchParams(globalThis.location?.search ?? '');
  const int = (v: string | null, min: number, max: number) => {
    const n = v === null ? NaN : Number(v);
    return Number.isInteger(n) && n >= min && n <= max ? n : undefined;
  };
  return { seed: int(q.get('seed'), 0, 2 ** 31 - 1), workers: int(q.get('workers'), 0, 5000) };
}

export function App() {
  const { t } = useTranslation('app');
  const connect = useStore((s) => s.connect);
  // StrictMode runs this twice in dev: the cleanup disposes the first worker (toolchain-notes P11).
  useEffect(() => connect(urlOptions()), [connect]);
  return (
    <MotionConfig reducedMotion="user">
      {/* Its own component: the expiry timers follow every span, and App must not re-render with them. */}
      <SpanExpiry />
      <a className="skip-link" href="#pipeline-area">{t('skip')}</a>
      <div className="app">
        <Header />
        <WorkerBanner />
        <main className="workspace">
          <div className="area-side">
            <div className="area-editor"><EditorPanel /></div>
            <div className="area-inspector"><Inspector /></div>
          </div>
          <div className="area-pipeline" id="pipeline-area"><PipelineView /></div>
          <div className="area-cluster"><ClusterView /></div>
          <div className="area-bottom"><BottomTabs /></div>
        </main>
      </div>
    </MotionConfig>
  );
}
