/** Pipeline diagram (stub; the React Flow diagram lands shortly). */
export function PipelineView() {
  return <section aria-label="Pipeline" />;
}
