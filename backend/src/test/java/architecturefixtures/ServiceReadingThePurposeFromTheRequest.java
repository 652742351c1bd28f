package architecturefixtures;

import nl.schakel.web.RequestContext;

/**
 * A use case that asks the request's thread for its purpose instead of being passed the
 * Access.
 */
public class ServiceReadingThePurposeFromTheRequest {

	public String purpose() {
		return RequestContext.current().flatMap(RequestContext::purpose).orElse(null);
	}

}
