import { useRegisterSW } from 'virtual:pwa-register/react';

/**
 * The canvassing app's service worker (vite.config.ts): registered from
 * /canvass, so the app and its page are on the phone for the next time
 * there is no signal. When a new version is deployed it waits until the
 * canvasser taps 立即更新.
 */
export function useAppUpdate(): { waiting: boolean; apply: () => void } {
  const {
    needRefresh: [waiting],
    updateServiceWorker,
  } = useRegisterSW({ immediate: true });
  return { waiting, apply: () => void updateServiceWorker(true) };
}
