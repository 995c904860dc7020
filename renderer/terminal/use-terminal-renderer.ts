import type { Terminal } from '@xterm/xterm';
import { useEffect } from 'react';
import { terminalViews } from '../app-context';
import { useWorkbench } from '../state/store';

/** Draws an opened terminal with the renderer the "Terminal GPU acceleration" setting asks for, and follows the setting. */
export function useTerminalRenderer(term: Terminal | null, terminalId: string): void {
  const gpu = useWorkbench((s) => s.settings.terminalGpuAcceleration);
  useEffect(() => {
    if (!term) return;
    const renderer = terminalViews.gpu.attach(term, gpu, terminalId);
    return () => renderer.dispose();
  }, [term, gpu, terminalId]);
}
