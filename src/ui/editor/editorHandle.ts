/** What the panel can ask of whichever view holds the text, and what it lists under it. */

/** Imperative access to the editor (Monaco once loaded). */
export interface EditorHandle {
  /** Replace the whole text as one undoable edit. */
  replaceText(text: string): void;
  /** Move the cursor to a 1-based position, scroll it into view and focus. */
  reveal(line: number, column: number): void;
  focus(): void;
}

/** One marker on the text: a kubectl diagnostic or a schema/YAML problem from monaco-yaml. */
export interface Problem {
  line: number;
  column: number;
  message: string;
  severity: 'error' | 'warning' | 'info';
  /** `kubectl`, or monaco-yaml's owner (`yaml`). */
  owner: string;
}
