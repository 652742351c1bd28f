package nl.schakel.person;

import java.time.LocalDate;
import java.util.UUID;

import nl.schakel.ids.PersonId;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.envers.Audited;

/** A person of concern. */
@Entity
@Table(name = "person")
@Audited
class Person {

	static final String TABLE = "person";

	static final String BSN_COLUMN = "bsn_ciphertext";

	@Id
	private UUID id;

	private String name;

	private LocalDate dateOfBirth;

	@Column(name = BSN_COLUMN)
	private byte[] bsnCiphertext;

	private String bsnIndex;

	private String address;

	@Version
	private long version;

	protected Person() {
	}

	Person(String name, LocalDate dateOfBirth, String address) {
		this.id = UUID.randomUUID();
		this.name = name;
		this.dateOfBirth = dateOfBirth;
		this.address = address;
	}

	PersonId id() {
		return new PersonId(this.id);
	}

	String name() {
		return this.name;
	}

	LocalDate dateOfBirth() {
		return this.dateOfBirth;
	}

	String address() {
		return this.address;
	}

	boolean hasBsn() {
		return this.bsnCiphertext != null;
	}

	byte[] bsnCiphertext() {
		return this.bsnCiphertext;
	}

	// a correction (AVG art. 16): the old values stay in the Envers history only
	void rectify(String name, LocalDate dateOfBirth, String address) {
		if (name != null) {
			this.name = name;
		}
		if (dateOfBirth != null) {
			this.dateOfBirth = dateOfBirth;
		}
		if (address != null) {
			this.address = address;
		}
	}

	void recordBsn(byte[] ciphertext, String blindIndex) {
		this.bsnCiphertext = ciphertext;
		this.bsnIndex = blindIndex;
	}

}
