/** The collection, shared with every screen through Solid's context. */
import { createContext, useContext } from 'solid-js';
import type { Collection } from '../state/create-collection';
import type { ImportFlow } from '../state/create-import-flow';

export const CollectionContext = createContext<Collection>();
export const ImportFlowContext = createContext<ImportFlow>();

/** The app's one import flow: its preview dialog is shown above every screen. */
export function useImportFlow(): ImportFlow {
  const flow = useContext(ImportFlowContext);
  if (!flow) throw new Error('useImportFlow must be used inside <ImportFlowContext.Provider>');
  return flow;
}

export function useCollection(): Collection {
  const collection = useContext(CollectionContext);
  if (!collection) throw new Error('useCollection must be used inside <CollectionContext.Provider>');
  return collection;
}
