/**
 * Technical: the database roles (owner for migrations, application role for everything
 * else), the embedded PostgreSQL of the local default, and the locks that let one
 * instance at a time run a scheduled job. Depends on no feature.
 */
@ApplicationModule(displayName = "Database", allowedDependencies = {})
package nl.schakel.database;

import org.springframework.modulith.ApplicationModule;
