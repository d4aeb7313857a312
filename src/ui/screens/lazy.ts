/** Loading the study screen's code, shared by the route and Home's preload (the browser fetches it once). */
export const loadStudyScreen = () => import('./StudyScreen');

/** Preloads the study screen when the browser is idle (Safari has no requestIdleCallback: a timeout then). */
export function preloadStudyScreen(): void {
  const load = () => void loadStudyScreen().catch(() => undefined);
  if (typeof requestIdleCallback === 'function') requestIdleCallback(load, { timeout: 2000 });
  else setTimeout(load, 300);
}
