/** Builds the dashboard and the playground into dashboard/dist. */
export declare function buildDashboard(): Promise<void>;
