/**
 * Reading a file dropped on the editor. Checked before it reaches the text: a 4 MiB ceiling
 * (Monaco stays usable and the 2 MB apply budget keeps its headroom) and a NUL-byte sniff of the
 * first 8 KB, the same test `git diff` and `grep` use to call a file binary.
 */

/** Largest file the editor takes. */
export const MAX_FILE_BYTES = 4 * 1024 * 1024;
/** How much of a file is looked at to decide whether it is text. */
export const SNIFF_BYTES = 8 * 1024;

/** What became of a dropped file. */
export type DropOutcome =
  | { kind: 'loaded'; name: string; text: string }
  | { kind: 'notText'; name: string }
  | { kind: 'tooBig'; name: string; size: number }
  | { kind: 'unreadable'; name: string; reason: string };

/** Bytes as MiB with one decimal (`12.3`), as the refusal quotes it. */
export function formatMiB(bytes: number): string {
  return (bytes / (1024 * 1024)).toFixed(1);
}

/** Reads `file` as UTF-8 text, or says why not. Never throws. */
export async function readDroppedFile(file: Blob & { name: string }): Promise<DropOutcome> {
  const name = file.name;
  if (file.size > MAX_FILE_BYTES) return { kind: 'tooBig', name, size: file.size };
  try {
    const head = new Uint8Array(await file.slice(0, SNIFF_BYTES).arrayBuffer());
    if (head.includes(0)) return { kind: 'notText', name };
    return { kind: 'loaded', name, text: await file.text() };
  } catch (err) {
    // A dropped folder, or a file removed or locked since the drop: the browser cannot read it.
    return { kind: 'unreadable', name, reason: err instanceof Error ? err.message || err.name : String(err) };
  }
}
