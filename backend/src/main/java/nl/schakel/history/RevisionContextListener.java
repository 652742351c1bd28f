package nl.schakel.history;

import nl.schakel.security.Actor;
import nl.schakel.web.RequestContext;
import org.hibernate.envers.RevisionListener;

/**
 * Fills each revision from what the request bound at the edge: its
 * {@link nl.schakel.security.Access} (who acts, for which purpose) and its context
 * (request id, policy version). Hibernate Envers instantiates and calls this listener
 * itself, so nothing can pass it the access as an argument; it is the one reader outside
 * {@code web/} of what the request put on its thread, and reads it only through
 * {@link RequestContext}.
 */
public class RevisionContextListener implements RevisionListener {

	@Override
	public void newRevision(Object revisionEntity) {
		Revision revision = (Revision) revisionEntity;
		Actor actor = RequestContext.whoActs().orElse(null);
		RequestContext context = RequestContext.current().orElse(null);
		revision.describe(actor != null ? actor.username() : "system", actor != null ? actor.organisation() : null,
				context != null ? context.purpose().orElse(null) : null, context != null ? context.requestId() : null,
				context != null ? context.correlationId().orElse(null) : null,
				context != null ? context.policyVersion().orElse(null) : null);
	}

}
