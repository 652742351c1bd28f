package nl.schakel.organisation;

import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A partner organisation of the safety house, identified by a short code. */
@Entity
@Table(name = "organisation")
public class Organisation {

	@Id
	private UUID id;

	private String code;

	private String name;

	@Enumerated(EnumType.STRING)
	private Domain domain;

	protected Organisation() {
	}

	public Organisation(String code, String name, Domain domain) {
		this.id = UUID.randomUUID();
		this.code = code;
		this.name = name;
		this.domain = domain;
	}

	public OrganisationId id() {
		return new OrganisationId(this.id);
	}

	public String code() {
		return this.code;
	}

	public String name() {
		return this.name;
	}

	public Domain domain() {
		return this.domain;
	}

}
