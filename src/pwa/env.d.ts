/** The build's id, defined in vite.config.ts (`SARCOMET_BUILD_ID` or the package version). */
declare const __BUILD_ID__: string;
