/**
 * Technical: the database roles (owner for migrations, application role for everything else)
 * and the embedded PostgreSQL of the local default. Depends on no feature.
 */
package nl.schakel.database;
