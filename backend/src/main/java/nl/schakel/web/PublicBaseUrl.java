package nl.schakel.web;

import java.io.IOException;
import java.net.URI;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Schakel's own address, from configuration ({@code schakel.public-base-url}; by default
 * {@code http://localhost:} and the port the server listens on), never from the request's
 * {@code Host} header, which the caller chooses. Every request is seen with this scheme,
 * host and port, so whatever builds an absolute URL from the request (the OIDC redirect
 * URI, the saved request after login) builds it on this base. Relative redirects stay
 * relative ({@code server.tomcat.use-relative-redirects}), so the servlet container does
 * not complete them from the {@code Host} header either. Forwarded headers are not
 * trusted ({@code server.forward-headers-strategy} stays {@code none}): the rate limits
 * key on the client address, and a header must not choose it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class PublicBaseUrl extends OncePerRequestFilter implements ApplicationListener<WebServerInitializedEvent> {

	private final URI configured;

	private volatile URI base;

	PublicBaseUrl(@Value("${schakel.public-base-url:}") String configured, @Value("${server.port:8080}") int port) {
		this.configured = (configured == null || configured.isBlank()) ? null : parse(configured.strip());
		this.base = (this.configured != null) ? this.configured : URI.create("http://localhost:" + port);
	}

	@Override
	public void onApplicationEvent(WebServerInitializedEvent event) {
		// the application's own server, not a separate management server
		if (this.configured == null && event.getApplicationContext().getServerNamespace() == null
				&& event.getWebServer().getPort() > 0) {
			this.base = URI.create("http://localhost:" + event.getWebServer().getPort());
		}
	}

	/** The base URL, without a trailing slash. */
	String value() {
		URI uri = this.base;
		return uri.getScheme() + "://" + uri.getHost()
				+ ((port(uri) != defaultPort(uri.getScheme())) ? ":" + port(uri) : "");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		URI uri = this.base;
		String origin = value();
		chain.doFilter(new HttpServletRequestWrapper(request) {
			@Override
			public String getScheme() {
				return uri.getScheme();
			}

			@Override
			public String getServerName() {
				return uri.getHost();
			}

			@Override
			public int getServerPort() {
				return port(uri);
			}

			@Override
			public boolean isSecure() {
				// a TLS connection stays one (HSTS is sent on it); an https base makes
				// every request one
				return super.isSecure() || "https".equals(uri.getScheme());
			}

			@Override
			public StringBuffer getRequestURL() {
				return new StringBuffer(origin).append(getRequestURI());
			}

			@Override
			public String getHeader(String name) {
				return "host".equalsIgnoreCase(name) ? hostHeader(uri) : super.getHeader(name);
			}
		}, response);
	}

	private static URI parse(String text) {
		URI uri = URI.create(text);
		if (uri.getScheme() == null || uri.getHost() == null
				|| !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
			throw new IllegalArgumentException(
					"schakel.public-base-url must be an absolute http(s) URL such as https://schakel.example.nl, not "
							+ text);
		}
		return uri;
	}

	private static String hostHeader(URI uri) {
		return uri.getHost() + ((port(uri) != defaultPort(uri.getScheme())) ? ":" + port(uri) : "");
	}

	private static int port(URI uri) {
		return (uri.getPort() > 0) ? uri.getPort() : defaultPort(uri.getScheme());
	}

	private static int defaultPort(String scheme) {
		return "https".equals(scheme) ? 443 : 80;
	}

}
