package nl.schakel.security;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where Keycloak is and who Schakel is to it, under the {@code keycloak} profile.
 *
 * @param url the URL browsers use to reach Keycloak; with the realm it makes the issuer,
 * e.g. {@code http://localhost:8180/realms/schakel}
 * @param backchannelUrl the URL the application itself uses for tokens, keys and user
 * info (differs from {@code url} when Keycloak runs in the same container network);
 * defaults to {@code url}
 * @param realm the realm name
 * @param webClient the confidential client the UI logs in with
 * @param apiAudience the audience a bearer token must name to be accepted on
 * {@code /api/**}
 */
@ConfigurationProperties("schakel.keycloak")
public record KeycloakProperties(URI url, URI backchannelUrl, @DefaultValue("schakel") String realm,
		WebClient webClient, @DefaultValue("schakel-api") String apiAudience) {

	/**
	 * @param id the client id
	 * @param secret the client secret: an {@code ENC(...)} value in configuration
	 */
	public record WebClient(String id, String secret) {

		@Override
		public String toString() {
			return "WebClient[id=" + this.id + ", secret=***]";
		}

	}

	/** The issuer of tokens: the browser-facing realm URL. */
	public String issuer() {
		return strip(this.url) + "/realms/" + this.realm;
	}

	/** The OpenID Connect endpoints as reached by the application (back channel). */
	public String backchannelEndpoint(String name) {
		URI base = (this.backchannelUrl != null) ? this.backchannelUrl : this.url;
		return strip(base) + "/realms/" + this.realm + "/protocol/openid-connect/" + name;
	}

	/** The OpenID Connect endpoints as reached by the browser (front channel). */
	public String frontchannelEndpoint(String name) {
		return issuer() + "/protocol/openid-connect/" + name;
	}

	/** The origin browsers talk to, for the content security policy's form-action. */
	public String origin() {
		return this.url.getScheme() + "://" + this.url.getAuthority();
	}

	private static String strip(URI uri) {
		String text = uri.toString();
		return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
	}

}
