/* global db */
// Run once by the mongo image, on the first start of an empty data volume (docker-entrypoint-initdb.d),
// as the root user: each service gets its own user, allowed to read and write its own database, and
// to add to and read its audit database.
// The passwords come from deploy/.env (deploy/compose/secrets.sh), through the mongo container's
// environment.
const services = ['sample-collection', 'lab-results', 'case-graph', 'reporting'];
const admin = db.getSiblingDB('admin');
for (const name of services) {
  const variable = `${name.toUpperCase().replace(/-/g, '_')}_MONGO_PASSWORD`;
  const pwd = process.env[variable];
  if (!pwd) throw new Error(`${variable} is not set (deploy/compose/secrets.sh makes it)`);
  // The read audit (AUDIT_DB) is append-only by the server's rules: the service may add to it
  // and read it, never change or delete an entry.
  admin.createRole({
    role: `${name}-audit`,
    privileges: [
      {
        resource: { db: `truyvet-${name}-audit`, collection: '' },
        actions: ['find', 'insert', 'createCollection', 'createIndex', 'listCollections', 'listIndexes'],
      },
    ],
    roles: [],
  });
  admin.createUser({
    user: name,
    pwd,
    roles: [
      { role: 'readWrite', db: `truyvet-${name}` },
      { role: `${name}-audit`, db: 'admin' },
    ],
  });
}
