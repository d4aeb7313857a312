/** The URL of sql.js's WebAssembly in the build (precached by the service worker, so imports work offline). */
import wasmUrl from 'sql.js/dist/sql-wasm.wasm?url';

export default wasmUrl;
