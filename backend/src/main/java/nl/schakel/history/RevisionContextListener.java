package nl.schakel.history;

import nl.schakel.security.Actor;
import nl.schakel.security.CurrentActor;
import nl.schakel.web.RequestContext;
import org.hibernate.envers.RevisionListener;

/**
 * Fills each revision from the security context and the request context. Instantiated by
 * Envers itself, so it reads both through their static accessors rather than injection.
 */
public class RevisionContextListener implements RevisionListener {

	@Override
	public void newRevision(Object revisionEntity) {
		Revision revision = (Revision) revisionEntity;
		Actor actor = CurrentActor.find().orElse(null);
		RequestContext context = RequestContext.current().orElse(null);
		revision.describe(actor != null ? actor.username() : "system", actor != null ? actor.organisation() : null,
				context != null ? context.purpose().orElse(null) : null,
				context != null ? context.requestId() : null,
				context != null ? context.correlationId().orElse(null) : null,
				context != null ? context.policyVersion().orElse(null) : null);
	}

}
