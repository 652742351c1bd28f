package nl.schakel.organisation;

import org.springframework.stereotype.Component;

/**
 * Organisations by their display name for pages ({@code ${@organisationNames.of(code)}}
 * in a template), so a page names "GGZ Midden" where the data holds {@code ggz-midden}.
 */
@Component("organisationNames")
public class OrganisationNames {

	private final OrganisationDirectory directory;

	OrganisationNames(OrganisationDirectory directory) {
		this.directory = directory;
	}

	/**
	 * The display name of the organisation with this code; an unknown code as written.
	 */
	public String of(String code) {
		if (code == null) {
			return "";
		}
		return this.directory.byCode(code).map(Organisation::name).orElse(code);
	}

}
