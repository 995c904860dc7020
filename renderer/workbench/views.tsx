import type { ComponentType } from 'react';
import type { SideView } from '../state/store';
import type { IconName } from './icons';
import { Explorer } from './Explorer';
import { SettingsView } from './SettingsView';
import { SearchView } from './SearchView';
import { ReplayView } from '../replay/ReplayView';
import { CollabView } from '../collab/CollabView';
import { InterviewView } from '../interview/InterviewView';

/**
 * The side bar's views, in activity-bar order. An area adds its view here (one line) and its
 * `SideView` id in state/store.ts; the workbench does the rest.
 */
export interface SideViewEntry {
  id: SideView;
  label: string;
  icon: IconName;
  component: ComponentType;
  /** Shown only with a folder open. */
  needsWorkspace: boolean;
}

export const SIDE_VIEWS: SideViewEntry[] = [
  { id: 'explorer', label: 'Explorer', icon: 'files', component: Explorer, needsWorkspace: true },
  { id: 'search', label: 'Search', icon: 'search', component: SearchView, needsWorkspace: true },
  { id: 'collab', label: 'Collaboration', icon: 'people', component: CollabView, needsWorkspace: false },
  { id: 'interview', label: 'Interview', icon: 'interview', component: InterviewView, needsWorkspace: false },
  { id: 'replay', label: 'Replay', icon: 'replay', component: ReplayView, needsWorkspace: false },
  { id: 'settings', label: 'Settings', icon: 'settings', component: SettingsView, needsWorkspace: false },
];
