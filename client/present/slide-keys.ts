/** What a key press does on /present: clickers send PageUp/PageDown (some send arrows or B/period). */
export function slideStep(event: Pick<KeyboardEvent, 'key' | 'target' | 'altKey' | 'ctrlKey' | 'metaKey'>): -1 | 1 | 'first' | 'last' | null {
  if (event.altKey || event.ctrlKey || event.metaKey) return null;
  const target = event.target;
  // A focused slider or text field keeps its own keys; a focused button keeps Space and Enter.
  if (target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return null;
  if (target instanceof HTMLButtonElement && (event.key === ' ' || event.key === 'Enter')) return null;
  switch (event.key) {
    case 'ArrowRight':
    case 'ArrowDown':
    case 'PageDown':
    case ' ':
    case 'Enter':
      return 1;
    case 'ArrowLeft':
    case 'ArrowUp':
    case 'PageUp':
    case 'Backspace':
      return -1;
    case 'Home':
      return 'first';
    case 'End':
      return 'last';
    default:
      return null;
  }
}
