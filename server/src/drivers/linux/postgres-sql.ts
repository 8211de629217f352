// What the linux database driver runs through psql as the superuser. Every value arrives as a psql
// variable (quoted by psql: :'literal', :"identifier", or format('%I %L') + \gexec for statements
// that must be conditional), never spliced into the text. Each script can be repeated safely.

// The admin owns the database and may create roles and databases, but is not a superuser.
export const ADMIN_SQL = `
SELECT format('CREATE ROLE %I LOGIN CREATEDB CREATEROLE', :'name') WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'name') \\gexec
ALTER ROLE :"name" PASSWORD :'verifier';
SELECT format('CREATE DATABASE %I OWNER %I', :'database', :'name') WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = :'database') \\gexec
`;

export const PUT_USER_SQL = `
SELECT format('CREATE ROLE %I LOGIN', :'name') WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'name') \\gexec
ALTER ROLE :"name" PASSWORD :'verifier';
GRANT ALL ON SCHEMA public TO :"name";
`;

export const DROP_USER_SQL = `
SELECT format('REASSIGN OWNED BY %I TO %I', :'name', :'admin') WHERE EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'name') \\gexec
SELECT format('DROP OWNED BY %I', :'name') WHERE EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'name') \\gexec
SELECT format('DROP ROLE %I', :'name') WHERE EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'name') \\gexec
`;
