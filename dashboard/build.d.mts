/** Where the build writes: dist/dashboard and dist/playground. */
export declare const DIST: string;
/** Builds the dashboard and the playground into DIST. */
export declare function buildDashboard(): Promise<void>;
