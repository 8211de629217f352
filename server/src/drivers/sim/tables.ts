// The sim driver's own tables: what the simulated hypervisor, disks and database servers remember,
// kept in the product's database but outside its schema (migrations.ts beside this file makes them).

export interface SimMachinesTable {
  instance_id: string;
  ipv4: string;
  power: string;
  cpu: number;
  memory_gb: number;
  created_at: string;
}

/** The simulated storage backend: one row per disk (a volume) or image (a snapshot). */
export interface SimDisksTable {
  id: string;
  kind: string;
  size_gb: number;
  attached_to: string | null;
  created_at: string;
}

/** The simulated database backend: one row per database server or backup image. */
export interface SimDatabasesTable {
  id: string;
  kind: string;
  engine: string;
  storage_gb: number;
  node_count: number;
  /** JSON array of user names. */
  users: string;
  created_at: string;
}

/** The simulated container runtime: one row per container, with what its process "printed". */
export interface SimContainersTable {
  container_id: string;
  power: string;
  memory_mb: number;
  /** JSON: {stdout: string[], stderr: string[]}. */
  output: string;
  created_at: string;
}

/** The simulated network's public-address routes: which instance each address reaches. */
export interface SimPublicRoutesTable {
  ip: string;
  instance_id: string;
}

// A type, not an interface: Kysely's withTables() needs the index signature an alias has.
export type SimTables = {
  sim_machines: SimMachinesTable;
  sim_disks: SimDisksTable;
  sim_databases: SimDatabasesTable;
  sim_containers: SimContainersTable;
  sim_public_routes: SimPublicRoutesTable;
};
