/**
 * The Monaco editor proper (lazy chunk). It owns the text once mounted, shows kubectl's
 * diagnostics as markers (owner `kubectl`) beside monaco-yaml's schema markers, and reports
 * every marker up so the panel can list them under the editor.
 */
import { memo, useEffect, useMemo, useRef } from 'react';
import Editor from '@monaco-editor/react';
import { useTranslation } from 'react-i18next';
import { monaco, MODEL_PATH, THEME } from './monacoSetup.ts';
import { attachSource, getText, markDirty } from './editorDoc.ts';
import type { Diagnostic } from '../../protocol/types.ts';
import type { EditorHandle, Problem } from './editorHandle.ts';

type CodeEditor = monaco.editor.IStandaloneCodeEditor;

export interface MonacoEditorProps {
  /** kubectl's diagnostics from the last Apply (already filtered to this file). */
  diagnostics: readonly Diagnostic[];
  /** Ctrl/Cmd+Enter. */
  onApply: () => void;
  /** Called once the editor has taken over the text; the panel then drops the plain view. */
  onReady: (handle: EditorHandle) => void;
  /** Every marker on the model (schema and kubectl), whenever they change. */
  onProblems: (problems: Problem[]) => void;
  /** Caret offset and focus of the plain view at hand-over, so typing is not interrupted. */
  getCarry?: () => { offset: number; focused: boolean } | undefined;
}

const SEVERITY: Record<number, Problem['severity']> = {
  [monaco.MarkerSeverity.Error]: 'error',
  [monaco.MarkerSeverity.Warning]: 'warning',
  [monaco.MarkerSeverity.Info]: 'info',
  [monaco.MarkerSeverity.Hint]: 'info',
};

function toMarker(d: Diagnostic): monaco.editor.IMarkerData {
  return {
    severity: d.severity === 'warning' ? monaco.MarkerSeverity.Warning : monaco.MarkerSeverity.Error,
    message: d.message,
    startLineNumber: d.line,
    startColumn: d.column,
    endLineNumber: Math.max(d.endLine, d.line),
    // A zero-width range draws no squiggle; widen it to one character.
    endColumn: d.endLine > d.line || d.endColumn > d.column ? d.endColumn : d.column + 1,
    source: 'kubectl',
  };
}

function MonacoEditorImpl({ diagnostics, onApply, onReady, onProblems, getCarry }: MonacoEditorProps) {
  const { t } = useTranslation('editor');
  const editorRef = useRef<CodeEditor | null>(null);
  // A new options object makes @monaco-editor/react call `updateOptions`, which re-lays out the
  // whole editor (hundreds of ms on a 4,000-line manifest): build it once per language.
  const ariaLabel = t('aria.editor');
  const options = useMemo<monaco.editor.IStandaloneEditorConstructionOptions>(
    () => ({
      ariaLabel,
      automaticLayout: true,
      fontSize: 15,
      minimap: { enabled: false },
      scrollBeyondLastLine: false,
      tabSize: 2,
      insertSpaces: true,
      wordWrap: 'off',
      renderWhitespace: 'none',
      quickSuggestions: { other: true, comments: false, strings: true },
      fixedOverflowWidgets: true,
    }),
    [ariaLabel],
  );
  const callbacks = useRef({ onApply, onReady, onProblems });
  useEffect(() => {
    callbacks.current = { onApply, onReady, onProblems };
  });

  useEffect(() => {
    const model = editorRef.current?.getModel();
    if (model) monaco.editor.setModelMarkers(model, 'kubectl', diagnostics.map(toMarker));
  }, [diagnostics]);

  const detach = useRef<(() => void) | undefined>(undefined);
  useEffect(() => () => detach.current?.(), []);

  const handleMount = (editor: CodeEditor) => {
    editorRef.current = editor;
    const model = editor.getModel()!;
    const text = getText();
    if (model.getValue() !== text) model.setValue(text);
    detach.current = attachSource(() => model.getValue());
    model.onDidChangeContent(() => markDirty());
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => callbacks.current.onApply());
    monaco.editor.setModelMarkers(model, 'kubectl', diagnostics.map(toMarker));

    const report = () => {
      const problems = monaco.editor.getModelMarkers({ resource: model.uri }).map(
        (m): Problem => ({
          line: m.startLineNumber,
          column: m.startColumn,
          message: m.message,
          severity: SEVERITY[m.severity] ?? 'info',
          owner: m.owner,
        }),
      );
      problems.sort((a, b) => a.line - b.line || a.column - b.column);
      callbacks.current.onProblems(problems);
    };
    monaco.editor.onDidChangeMarkers((uris) => {
      if (uris.some((u) => u.toString() === model.uri.toString())) report();
    });
    report();

    const carry = getCarry?.();
    if (carry) {
      const pos = model.getPositionAt(carry.offset);
      editor.setPosition(pos);
      if (carry.focused) editor.focus();
    }

    callbacks.current.onReady({
      replaceText(next) {
        editor.pushUndoStop();
        editor.executeEdits('examples', [{ range: model.getFullModelRange(), text: next }]);
        editor.pushUndoStop();
        editor.setPosition({ lineNumber: 1, column: 1 });
        editor.revealLine(1);
      },
      reveal(line, column) {
        editor.setPosition({ lineNumber: line, column });
        editor.revealLineInCenter(line);
        editor.focus();
      },
      focus: () => editor.focus(),
    });
  };

  return (
    <Editor
      defaultLanguage="yaml"
      path={MODEL_PATH}
      defaultValue={getText()}
      theme={THEME}
      loading={null}
      onMount={handleMount as never}
      options={options}
    />
  );
}

/**
 * Monaco with YAML + Kubernetes schemas; default export for `React.lazy`. Memoized: it re-renders
 * only when its diagnostics (or callbacks) change, never because the cluster did.
 */
const MonacoEditor = memo(MonacoEditorImpl);
export default MonacoEditor;
