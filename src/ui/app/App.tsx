/**
 * The one screen: header; a side column (editor over inspector) and the stage column
 * (pipeline, the hero, over the cluster and the Events | terminal dock). The pipeline takes
 * whatever height the cluster and the dock leave, so it grows with the screen.
 */
import { MotionConfig } from 'framer-motion';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from '../../store/index.ts';
import { useDeleteKey } from '../actions/useDeleteKey.ts';
import { ClusterArea } from '../cluster/ClusterArea.tsx';
import { EditorPanel } from '../editor/EditorPanel.tsx';
import { Inspector } from '../inspector/Inspector.tsx';
import { PipelineView } from '../pipeline/PipelineView.tsx';
import { BottomTabs } from './BottomTabs.tsx';
import { Header } from './Header.tsx';
import { SpanExpiry } from './SpanExpiry.tsx';
import { UrlNotice } from './UrlNotice.tsx';
import { urlOptions } from './urlOptions.ts';
import { WorkerBanner } from './WorkerBanner.tsx';

/** A file dropped outside the editor would make the browser open it and leave the app. */
function refuseStrayFileDrops(): () => void {
  const guard = (e: DragEvent) => {
    if (!e.dataTransfer?.types.includes('Files')) return;
    e.preventDefault();
    if (e.type === 'dragover') e.dataTransfer.dropEffect = 'none';
  };
  window.addEventListener('dragover', guard);
  window.addEventListener('drop', guard);
  return () => {
    window.removeEventListener('dragover', guard);
    window.removeEventListener('drop', guard);
  };
}

export function App() {
  const { t } = useTranslation('app');
  const connect = useStore((s) => s.connect);
  const [options] = useState(urlOptions);
  // StrictMode runs this twice in dev: the cleanup disposes the first worker (toolchain-notes P11).
  useEffect(() => connect({ seed: options.seed, workers: options.workers }), [connect, options]);
  useEffect(refuseStrayFileDrops, []);
  useDeleteKey();
  return (
    <MotionConfig reducedMotion="user">
      {/* Its own component: the expiry timers follow every span, and App must not re-render with them. */}
      <SpanExpiry />
      <a className="skip-link" href="#pipeline-area">{t('skip')}</a>
      <div className="app">
        <Header />
        <UrlNotice ignored={options.ignored} />
        <WorkerBanner />
        <main className="workspace">
          <div className="area-side">
            <div className="area-editor"><EditorPanel /></div>
            <div className="area-inspector"><Inspector /></div>
          </div>
          <div className="area-pipeline" id="pipeline-area"><PipelineView /></div>
          <ClusterArea />
          <div className="area-bottom"><BottomTabs /></div>
        </main>
      </div>
    </MotionConfig>
  );
}
