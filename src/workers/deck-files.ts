/** Fetching the files of the built-in decks the build emits (the service worker precaches them). */
const base = import.meta.env.BASE_URL;

/** The JSON of `decks/<path>`; rejects with a message the user can act on when it cannot be loaded. */
export async function fetchDeckFile(path: string): Promise<unknown> {
  const response = await fetch(`${base}decks/${path}`, { cache: 'no-cache' });
  if (!response.ok) throw new Error(`The deck file ${path} could not be loaded (HTTP ${response.status}).`);
  return response.json();
}
