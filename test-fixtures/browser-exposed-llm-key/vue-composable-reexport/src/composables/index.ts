// Barrel file re-exporting the app's composables
export { useAssistant } from './useAssistant';
export { useTheme } from './useTheme';
export { useToast } from './useToast';

export type AssistantApi = ReturnType<typeof import('./useAssistant').useAssistant>;

export const COMPOSABLES_VERSION = 2;

export function isBrowser(): boolean {
  return typeof window !== 'undefined';
}
