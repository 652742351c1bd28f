package nl.schakel.support;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

/** An API call as a demo user under a purpose, with an optional JSON body. */
public final class DemoApi {

	private DemoApi() {
	}

	public static MockHttpServletRequestBuilder as(String user, String purpose, MockHttpServletRequestBuilder request,
			String body) {
		request.with(httpBasic(user, "demo")).header("X-Purpose", purpose);
		if (body != null) {
			request.contentType(MediaType.APPLICATION_JSON).content(body);
		}
		return request;
	}

}
