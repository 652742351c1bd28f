/**
 * The register of processing (AVG art. 30) and the retention periods it states, generated
 * from {@code policies/}: purposes, categories, recipients per rule and legal bases from
 * the access policy, periods from {@code retention.yaml}, and what those files do not say
 * from {@code register.yaml}.
 */
@ApplicationModule(displayName = "Register of processing", allowedDependencies = { "policy", "security" })
package nl.schakel.register;

import org.springframework.modulith.ApplicationModule;
