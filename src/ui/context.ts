/** The collection, shared with every screen through Solid's context. */
import { createContext, useContext } from 'solid-js';
import type { Collection } from '../state/create-collection';

export const CollectionContext = createContext<Collection>();

export function useCollection(): Collection {
  const collection = useContext(CollectionContext);
  if (!collection) throw new Error('useCollection must be used inside <CollectionContext.Provider>');
  return collection;
}
