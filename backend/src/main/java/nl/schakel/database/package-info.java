/**
 * Technical: the database roles (owner for migrations, application role for everything else)
 * and the embedded PostgreSQL of the local default. Depends on no feature.
 */
@ApplicationModule(displayName = "Database", allowedDependencies = {})
package nl.schakel.database;

import org.springframework.modulith.ApplicationModule;
