import { createContext } from 'react';

/** True while the deck is drawn for its PDF: slides show their final state, without controls. */
export const PrintingContext = createContext(false);
