// The server's layers point one way (see ../shared/DESIGN.md and the README's architecture notes):
// routes → services → stores, engine → drivers, and nothing below imports what is above it.
// `npm test` runs these rules; none of them has an exception.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'A cycle means two modules cannot be understood (or loaded) apart.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'drivers-below-resources',
      severity: 'error',
      comment: 'Drivers do the work; what they persist comes through interfaces handed to them.',
      from: { path: '^src/drivers/' },
      to: { path: '^src/(resources|http|engine|dashboard|app\\.ts|main\\.ts)' },
    },
    {
      name: 'db-below-everything',
      severity: 'error',
      comment: 'The database layer knows tables, not HTTP or resources.',
      from: { path: '^src/db/' },
      to: { path: '^src/(http|resources|engine|drivers|dashboard|app\\.ts|main\\.ts)' },
    },
    {
      name: 'engine-below-resources',
      severity: 'error',
      comment: 'The engine runs handlers the resource modules hand it; it knows no resource and no HTTP.',
      from: { path: '^src/engine/' },
      to: { path: '^src/(http|resources|dashboard|app\\.ts|main\\.ts)' },
    },
    {
      name: 'routes-not-to-stores',
      severity: 'error',
      comment: 'Routes are HTTP only: they call services, never SQL.',
      from: { path: '/routes\\.ts$' },
      to: { path: '(/|-)store\\.ts$' },
    },
    {
      name: 'no-foreign-stores',
      severity: 'error',
      comment: "A resource's tables are its own: another module reads them through that resource's queries.ts, never its store.",
      from: { path: '^src/resources/([^/]+)/' },
      to: { path: '^src/resources/[^/]+/[^/]*store\\.ts$', pathNot: '^src/resources/$1/' },
    },
    {
      name: 'labels-below-resources',
      severity: 'error',
      comment: 'Labels are a shared attribute of every resource: the module knows none of them.',
      from: { path: '^src/labels/' },
      to: { path: '^src/(http|resources|engine|drivers|dashboard|app\\.ts|main\\.ts)' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '\\.test\\.ts$' },
  },
};
