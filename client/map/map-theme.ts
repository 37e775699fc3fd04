import { createContext } from 'react';

/** Whether maps below draw for a screen (dark) or for paper (light): the printed deck sets it while it exports. */
export const MapThemeContext = createContext<'dark' | 'light'>('dark');
